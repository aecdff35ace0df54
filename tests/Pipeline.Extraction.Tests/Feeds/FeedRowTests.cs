using Pipeline.Core.Feeds;

namespace Pipeline.Extraction.Tests.Feeds;

/// <summary>Row parsing: dates, states, days, flags, personal data, and one quarantine entry per bad record.</summary>
public sealed class FeedRowTests : IDisposable
{
    private readonly FeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    private FeedFiles.Read<PracticeRow> Practices(params string[] rows) =>
        FeedFiles.Practices(_files.Write("pratiche.csv", "utf-8", [FeedFiles.PracticeHeader, .. rows])).Balanced();

    private FeedFiles.Read<CompanyRow> Companies(string salt, params string[] rows) =>
        FeedFiles.Companies(_files.Write("imprese.csv", "utf-8", [FeedFiles.CompanyHeader, .. rows]), salt).Balanced();

    private static string Company(string taxCode = "", string name = "Alfa S.r.l.", string legalForm = "SOCIETA' A RESPONSABILITA' LIMITATA",
        string status = "ATTIVA", string registered = "01/02/2020", string ceased = "", string section = "", string drawer = "S", string drawerActivated = "") =>
        $"LE;LE-1001;{taxCode};{name};{legalForm};{status};{registered};{ceased};62.01.00;{section};;{drawer};{drawerActivated}";

    [Theory]
    [InlineData("05/01/2024", 2024, 1, 5)]
    [InlineData("5/1/2024", 2024, 1, 5)]
    [InlineData("05-01-2024", 2024, 1, 5)]
    [InlineData("05.01.2024", 2024, 1, 5)]
    [InlineData("5-1-2024", 2024, 1, 5)]
    [InlineData("5.1.2024", 2024, 1, 5)]
    [InlineData(" 05/01/2024 ", 2024, 1, 5)]
    [InlineData("2024-1-5", 2024, 1, 5)]
    [InlineData("2024-01-05", 2024, 1, 5)]
    [InlineData("05/01/2024 14:32", 2024, 1, 5)]
    [InlineData("05/01/2024 14:32:05", 2024, 1, 5)]
    [InlineData("2024-01-05T14:32:05", 2024, 1, 5)]
    [InlineData("2024-01-05 23:59", 2024, 1, 5)]
    [InlineData("29/02/2024 00:00:00", 2024, 2, 29)]
    public void Reads_italian_and_iso_dates_dropping_a_time(string printed, int year, int month, int day)
    {
        var row = Assert.Single(Practices($"P1;01/01/2024;{printed};EVASA;;;;").Rows);
        Assert.Equal(new DateOnly(year, month, day), row.Processed);
        Assert.Equal(new DateOnly(2024, 1, 1), row.Registered);
    }

    [Theory]
    [InlineData("EVASA", PracticeStatus.Evasa)]
    [InlineData(" evasa ", PracticeStatus.Evasa)]
    [InlineData("Sospesa", PracticeStatus.Sospesa)]
    [InlineData("RESPINTA", PracticeStatus.Respinta)]
    [InlineData("annullata", PracticeStatus.Annullata)]
    [InlineData("IN LAVORAZIONE", PracticeStatus.InLavorazione)]
    [InlineData("IN_LAVORAZIONE", PracticeStatus.InLavorazione)]
    [InlineData("In lavorazione", PracticeStatus.InLavorazione)]
    public void Reads_practice_states_ignoring_case_and_spaces(string printed, PracticeStatus expected)
    {
        var row = Assert.Single(Practices($"P1;01/01/2024;02/01/2024;{printed};;;;").Rows);
        Assert.Equal(expected, row.Status);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("3", 3)]
    [InlineData("3,0", 3)]
    [InlineData(" 12 ", 12)]
    [InlineData("1.000", 1000)]
    [InlineData("5 gg", 5)]
    public void Reads_suspension_days(string printed, int expected) =>
        Assert.Equal(expected, Assert.Single(Practices($"P1;01/01/2024;02/01/2024;SOSPESA;;{printed};;").Rows).SuspensionDays);

    [Theory]
    [InlineData("P1;01/01/2024;02/01/2024;CHIUSA;;;;", "unknown Stato 'CHIUSA'")]
    [InlineData("P1;01/01/2024;02/01/2024;;;;;", "empty Stato")]
    [InlineData("P1;;02/01/2024;EVASA;;;;", "empty Data protocollo")]
    [InlineData("P1;32/01/2024;;SOSPESA;;;;", "Data protocollo '32/01/2024' is not a date")]
    [InlineData("P1;01/01/24;;SOSPESA;;;;", "Data protocollo '01/01/24' is not a date")]
    [InlineData("P1;01/01/2024;ieri;SOSPESA;;;;", "Data evasione 'ieri' is not a date")]
    [InlineData("P1;01/01/2024;2024/01/05;SOSPESA;;;;", "Data evasione '2024/01/05' is not a date")]
    [InlineData("P1;01/01/2024;2024-13-01;SOSPESA;;;;", "Data evasione '2024-13-01' is not a date")]
    [InlineData("P1;01/01/2024;05/01-2024;SOSPESA;;;;", "Data evasione '05/01-2024' is not a date")]
    [InlineData("P1;01/01/2024;05/01/2024 ore 9;SOSPESA;;;;", "Data evasione '05/01/2024 ore 9' is not a date")]
    [InlineData("P1;01/01/2024;05/01/2024 9:5;SOSPESA;;;;", "Data evasione '05/01/2024 9:5' is not a date")]
    [InlineData("P1;01/01/2024 25:00;;SOSPESA;;;;", "Data protocollo '01/01/2024 25:00' is not a date")]
    [InlineData(";01/01/2024;02/01/2024;EVASA;;;;", "empty Protocollo")]
    [InlineData("P1;01/01/2024;;EVASA;;;;", "EVASA without Data evasione")]
    [InlineData("P1;10/01/2024;09/01/2024;EVASA;;;;", "Data evasione 09/01/2024 before Data protocollo 10/01/2024")]
    [InlineData("P1;01/01/2024;;SOSPESA;;-2;;", "Giorni sospensione '-2' is negative")]
    [InlineData("P1;01/01/2024;;SOSPESA;;tre;;", "Giorni sospensione 'tre' is not a number")]
    [InlineData("P1;01/01/2024;;SOSPESA;;3,5;;", "Giorni sospensione '3,5' is not a whole number of days")]
    [InlineData("P1;01/01/2024;;SOSPESA;;50%;;", "Giorni sospensione '50%' is not a number")]
    [InlineData("P1;01/01/2024;;SOSPESA;;", "wrong number of fields: 6 instead of 8")]
    [InlineData("P1;01/01/2024;;SOSPESA;;;;;extra", "wrong number of fields: 9 instead of 8")]
    [InlineData("P1;01/01/2024;;SOS\"PESA;;;;", "broken quoting: a quote inside an unquoted field")]
    [InlineData("P1;01/01/2024;;\"SOSPESA\"x;;;;", "broken quoting: text after the closing quote of a field")]
    [InlineData(";;;;;;;", "empty record")]
    public void A_bad_practice_is_quarantined_once_with_its_reason_and_raw_text(string line, string reason)
    {
        var read = Practices("P0;01/01/2024;02/01/2024;EVASA;;;;", line, "P9;01/01/2024;02/01/2024;EVASA;;;;");
        Assert.Equal(["P0", "P9"], read.Rows.Select(r => r.Protocol));
        Assert.Equal([2L, 4L], read.Rows.Select(r => r.RowNumber));
        var error = Assert.Single(read.Errors);
        Assert.Equal(new FeedRowError(3, reason, line), error);
    }

    [Fact]
    public void Several_problems_of_one_record_are_one_entry_naming_them_all()
    {
        var read = Practices("P1;;;CHIUSA;;-1;;");
        var error = Assert.Single(read.Errors);
        Assert.Equal("empty Data protocollo; unknown Stato 'CHIUSA'; Giorni sospensione '-1' is negative", error.Reason);
    }

    [Fact]
    public void An_unclosed_quote_swallows_the_rest_of_the_file_as_one_quarantined_record()
    {
        var read = Practices("P1;01/01/2024;02/01/2024;EVASA;;;;", "P2;01/01/2024;02/01/2024;EVASA;\"aperta;;;", "P3;01/01/2024;02/01/2024;EVASA;;;;");
        Assert.Single(read.Rows);
        var error = Assert.Single(read.Errors);
        Assert.Equal(3, error.RowNumber);
        Assert.Equal("broken quoting: a quoted field is never closed", error.Reason);
        Assert.StartsWith("P2;", error.Raw);
    }

    [Fact]
    public void An_unclosed_quote_followed_by_megabytes_of_text_stops_with_one_line_instead_of_buffering_the_file()
    {
        var lines = new List<string> { FeedFiles.PracticeHeader, "P1;01/01/2024;02/01/2024;EVASA;;;;", "P2;01/01/2024;02/01/2024;EVASA;\"aperta;;;" };
        for (var i = 0; i < 80_000; i++) lines.Add($"P{i + 3};01/01/2024;02/01/2024;EVASA;Iscrizione;0;Registro imprese;Lecce");
        var path = _files.Write("aperta.csv", "utf-8", [.. lines]);
        Assert.True(new FileInfo(path).Length > 5 * 1024 * 1024);

        using var reader = FeedFiles.Open(path);
        var rows = new List<PracticeRow>();
        var ex = Assert.Throws<ExtractionException>(() =>
        {
            foreach (var row in reader.Practices(_ => { })) rows.Add(row);
        });
        Assert.Single(rows);
        Assert.Equal("aperta.csv: line 3: a record longer than 4 MiB (the limit per record: a quoted field never closed, or no line breaks)", ex.Message);
    }

    [Fact]
    public void A_practice_keeps_its_optional_columns()
    {
        var row = Assert.Single(Practices("RI/1;03/01/2024;;IN LAVORAZIONE;  Iscrizione   impresa ;;Registro imprese;CCIAA di Lecce").Rows);
        Assert.Equal(new PracticeRow(2, "RI/1", new DateOnly(2024, 1, 3), null, PracticeStatus.InLavorazione, "Iscrizione impresa", 0, "Registro imprese", "CCIAA di Lecce"), row);
    }

    [Fact]
    public void A_company_row_is_read_with_upper_case_status_and_section()
    {
        var row = Assert.Single(Companies(FeedFiles.Salt,
            "LE; LE-1001 ;01234567890;Alfa S.r.l.;SOCIETA' A RESPONSABILITA' LIMITATA; attiva ;01/02/2020;31/12/2023;62.01.00; start-up innovativa ;03/02/2020;Sì;04/02/2021 10:15").Rows);
        Assert.Equal(new CompanyRow(2, "LE", "LE-1001", "01234567890", "Alfa S.r.l.", "SOCIETA' A RESPONSABILITA' LIMITATA", "ATTIVA",
            new DateOnly(2020, 2, 1), new DateOnly(2023, 12, 31), "62.01.00", "START-UP INNOVATIVA", new DateOnly(2020, 2, 3), true, new DateOnly(2021, 2, 4)), row);
    }

    [Fact]
    public void A_company_with_empty_optional_cells_has_nulls()
    {
        var row = Assert.Single(Companies(FeedFiles.Salt, ";;;;;CESSATA;;;;;;;").Rows);
        Assert.Equal(new CompanyRow(2, null, null, null, null, null, "CESSATA", null, null, null, null, null, false, null), row);
    }

    [Theory]
    [InlineData("S", true)]
    [InlineData("s", true)]
    [InlineData("SI", true)]
    [InlineData("Sì", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("N", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Reads_the_digital_drawer_flag(string printed, bool expected) =>
        Assert.Equal(expected, Assert.Single(Companies(FeedFiles.Salt, Company(drawer: printed)).Rows).DigitalDrawer);

    public static TheoryData<string, string> BadCompanies => new()
    {
        { Company(drawer: "forse"), "Cassetto digitale 'forse' is not S/N" },
        { Company(status: ""), "empty Stato impresa" },
        { Company(status: "  "), "empty Stato impresa" },
        { Company(registered: "01/13/2020"), "Data iscrizione '01/13/2020' is not a date" },
        { Company(ceased: "mai"), "Data cessazione 'mai' is not a date" },
        { Company(drawerActivated: "2021-02-30"), "Data attivazione cassetto '2021-02-30' is not a date" },
        { "LE;LE-1001;;Alfa;SRL;ATTIVA;01/02/2020", "wrong number of fields: 7 instead of 13" },
    };

    [Theory]
    [MemberData(nameof(BadCompanies))]
    public void A_bad_company_is_quarantined_with_its_reason(string line, string reason)
    {
        var read = Companies(FeedFiles.Salt, line);
        Assert.Equal(new FeedRowError(2, reason, line), read.SingleError());
    }

    [Fact]
    public void A_persons_tax_code_is_hashed_and_a_sole_proprietorship_loses_its_name()
    {
        const string person = "RSSMRA80A01E506X";
        var read = Companies(FeedFiles.Salt,
            Company(taxCode: person.ToLowerInvariant(), name: "ROSSI MARIO", legalForm: "IMPRESA INDIVIDUALE"),
            Company(taxCode: "01234567890", name: "Alfa S.r.l."),
            Company(taxCode: "", name: "BIANCHI LUCA", legalForm: "impresa individuale"),
            Company(taxCode: person, name: "ROSSI MARIO (ditta)", legalForm: "SOCIETA' SEMPLICE"));
        Assert.Equal(4, read.Rows.Count);

        var sole = read.Rows[0];
        Assert.Equal(PersonalData.Hash(FeedFiles.Salt, person), sole.TaxCodeKey);
        Assert.StartsWith("h:", sole.TaxCodeKey);
        Assert.DoesNotContain(person, sole.TaxCodeKey!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(sole.Name);

        Assert.Equal("01234567890", read.Rows[1].TaxCodeKey);
        Assert.Equal("Alfa S.r.l.", read.Rows[1].Name);

        Assert.Null(read.Rows[2].TaxCodeKey);
        Assert.Null(read.Rows[2].Name);

        // A person's tax code hides the name whatever the legal form says.
        Assert.Equal(sole.TaxCodeKey, read.Rows[3].TaxCodeKey);
        Assert.Null(read.Rows[3].Name);
    }

    [Fact]
    public void The_salt_changes_the_hash_of_a_persons_tax_code_but_not_a_companys_code()
    {
        string?[] Keys(string salt) => [.. Companies(salt, Company(taxCode: "RSSMRA80A01E506X", legalForm: "II"), Company(taxCode: "01234567890")).Rows.Select(r => r.TaxCodeKey)];
        var first = Keys("salt-one");
        var second = Keys("salt-two");
        Assert.NotEqual(first[0], second[0]);
        Assert.Equal(first[0], Keys("salt-one")[0]);
        Assert.Equal("01234567890", first[1]);
        Assert.Equal(first[1], second[1]);
    }
}
