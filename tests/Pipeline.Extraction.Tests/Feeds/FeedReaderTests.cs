using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;

namespace Pipeline.Extraction.Tests.Feeds;

/// <summary>Encoding, separator, header and kind detection, and the errors of <see cref="FeedReader.Open"/>.</summary>
public sealed class FeedReaderTests : IDisposable
{
    private readonly FeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    [InlineData('\t')]
    public void Detects_the_separator_from_the_header_row(char separator)
    {
        string Line(params string[] cells) => string.Join(separator, cells);
        var path = _files.Write("pratiche.csv", "utf-8",
            Line("Protocollo", "Data protocollo", "Data evasione", "Stato", "Ufficio"),
            Line("RI/2024/1", "02/01/2024", "05/01/2024", "EVASA", "Registro imprese"),
            Line("RI/2024/2", "03/01/2024", "", "SOSPESA", "Albo artigiani"));

        using var reader = FeedFiles.Open(path);
        Assert.Equal(separator, reader.Delimiter);
        Assert.Equal(FeedKind.Practices, reader.Kind);
        Assert.Equal(["Protocollo", "Data protocollo", "Data evasione", "Stato", "Ufficio"], reader.Header);
        var rows = reader.Practices(e => Assert.Fail(e.Reason)).ToList();
        Assert.Equal(
            [
                new PracticeRow(2, "RI/2024/1", new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 5), PracticeStatus.Evasa, null, 0, "Registro imprese", null),
                new PracticeRow(3, "RI/2024/2", new DateOnly(2024, 1, 3), null, PracticeStatus.Sospesa, null, 0, "Albo artigiani", null),
            ],
            rows);
    }

    [Fact]
    public void The_separator_with_most_known_columns_wins_over_one_giving_more_columns()
    {
        // Split by ',' the header has 6 columns (none known); split by ';' it has 5, 4 of them known.
        var path = _files.Write("pratiche.csv", "utf-8",
            "Protocollo;Data protocollo;Data evasione;Stato;Note, a, b, c, d, e",
            "A,1;01/02/2024;;IN LAVORAZIONE;x, y");
        using var reader = FeedFiles.Open(path);
        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(5, reader.Header.Count);
        Assert.Equal("A,1", Assert.Single(reader.Practices(e => Assert.Fail(e.Reason))).Protocol);
    }

    [Fact]
    public void A_quoted_header_may_contain_another_candidate_separator()
    {
        var path = _files.Write("imprese.csv", "utf-8",
            "\"Stato impresa\",\"Data iscrizione\",\"Denominazione; ragione sociale\",\"Numero REA\"",
            "ATTIVA,01/02/2020,\"Rossi; Bianchi S.r.l.\",LE-123");
        using var reader = FeedFiles.Open(path);
        Assert.Equal(',', reader.Delimiter);
        Assert.Equal(FeedKind.Companies, reader.Kind);
        Assert.Equal("Denominazione; ragione sociale", reader.Header[2]);
        var row = Assert.Single(reader.Companies(e => Assert.Fail(e.Reason)));
        Assert.Equal("LE-123", row.ReaNumber);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("windows-1252")]
    public void Reads_utf8_with_and_without_bom_and_windows_1252_with_accented_values(string encoding)
    {
        var path = _files.Write("imprese.csv", encoding,
            "Provincia;Numero REA;Denominazione;Natura giuridica;Stato attività;Data iscrizione;Codice ATECO;Attività ATECO",
            "FC;FC-301122;Caffè Forlì S.r.l.;SOCIETA' A RESPONSABILITA' LIMITATA;Attività sospesa;15/03/2019;56.30.00;Bar e altri esercizi simili",
            "FC;FC-301123;Pasticceria Città di Forlì;S.N.C.;attiva;16/03/2019;10.71.20;Produzione di pasticceria");

        using var reader = FeedFiles.Open(path);
        Assert.Equal(encoding, reader.EncodingName);
        Assert.Equal("Stato attività", reader.Header[4]);
        Assert.Equal("Provincia", reader.Header[0]);
        var rows = reader.Companies(e => Assert.Fail(e.Reason)).ToList();
        Assert.Equal(["Caffè Forlì S.r.l.", "Pasticceria Città di Forlì"], rows.Select(r => r.Name));
        Assert.Equal(["ATTIVITÀ SOSPESA", "ATTIVA"], rows.Select(r => r.Status));
        Assert.Equal([2L, 3L], rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void An_accent_late_in_a_large_file_still_makes_it_windows_1252()
    {
        var lines = new List<string> { FeedFiles.PracticeHeader };
        for (var i = 0; i < 5000; i++) lines.Add($"P{i};02/01/2024;05/01/2024;EVASA;Iscrizione;0;Registro imprese;Forli");
        lines.Add("P-last;02/01/2024;05/01/2024;EVASA;Iscrizione;0;Registro imprese;Forlì");
        var path = _files.Write("tardi.csv", "windows-1252", [.. lines]);
        Assert.True(new FileInfo(path).Length > 128 * 1024);

        var read = FeedFiles.Practices(path).Balanced();
        Assert.Equal("Forlì", read.Rows[^1].Chamber);
        using var reader = FeedFiles.Open(path);
        Assert.Equal("windows-1252", reader.EncodingName);
    }

    [Fact]
    public void A_utf8_letter_split_across_the_detection_chunks_is_still_utf8()
    {
        var header = FeedFiles.PracticeHeader + "\r\n";
        var filler = "P0;02/01/2024;05/01/2024;EVASA;Iscrizione;0;Registro imprese;";
        // The chamber of the first row is padded so that its 'ì' (2 bytes in UTF-8) starts at byte 65535.
        var pad = 65535 - header.Length - filler.Length - "Forl".Length;
        var path = _files.WriteText("confine.csv", header + filler + new string('x', pad) + "Forlì\r\n");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(0xC3, bytes[65535]);

        using var reader = FeedFiles.Open(path);
        Assert.Equal("utf-8", reader.EncodingName);
        Assert.EndsWith("Forlì", Assert.Single(reader.Practices(e => Assert.Fail(e.Reason))).Chamber);
    }

    [Fact]
    public void A_malformed_first_data_row_is_quarantined_not_taken_for_the_header()
    {
        var path = _files.Write("pratiche.csv", "utf-8", FeedFiles.PracticeHeader, "P1;02/01/2024", "P2;02/01/2024;05/01/2024;EVASA;;;;");
        using var reader = FeedFiles.Open(path);
        Assert.Equal(8, reader.Header.Count);
        var errors = new List<FeedRowError>();
        var row = Assert.Single(reader.Practices(errors.Add));
        Assert.Equal(3, row.RowNumber);
        Assert.Equal(new FeedRowError(2, "wrong number of fields: 2 instead of 8", "P1;02/01/2024"), Assert.Single(errors));
        Assert.Equal(2, reader.RowsRead);
        Assert.Equal(1, reader.RowsQuarantined);
    }

    [Fact]
    public void Columns_in_another_order_with_synonym_headers_are_recognised()
    {
        var path = _files.Write("priamo.csv", "utf-8",
            "CCIAA;stato pratica;Tipo adempimento;N. PROTOCOLLO;GG. sospensione;Data chiusura;Data protocollazione;Colonna extra",
            "Lecce;Evasa;Iscrizione;LE/2024/77;2;10/01/2024;04/01/2024;ignorata");
        var row = Assert.Single(FeedFiles.Practices(path).Balanced().Rows);
        Assert.Equal(new PracticeRow(2, "LE/2024/77", new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 10), PracticeStatus.Evasa, "Iscrizione", 2, null, "Lecce"), row);
    }

    [Fact]
    public void A_quoted_field_with_the_separator_and_a_newline_is_one_value_and_later_row_numbers_stay_right()
    {
        var path = _files.WriteText("pratiche.csv",
            FeedFiles.PracticeHeader + "\r\n" +
            "P1;02/01/2024;05/01/2024;EVASA;\"Iscrizione; modifica\r\nseconda riga\";0;Registro imprese;Lecce\r\n" +
            "P2;02/01/2024;05/01/2024;EVASA;\"tre\nrighe\nqui\";0;Registro imprese;Lecce\r\n" +
            "\r\n" +
            "P3;02/01/2024;;STATO STRANO;Iscrizione;0;Registro imprese;Lecce\r\n" +
            "P4;02/01/2024;05/01/2024;EVASA;Iscrizione;0;Registro imprese;Lecce\r\n");
        var read = FeedFiles.Practices(path).Balanced();
        Assert.Equal([2L, 4L, 9L], read.Rows.Select(r => r.RowNumber));
        Assert.Equal(["P1", "P2", "P4"], read.Rows.Select(r => r.Protocol));
        // Line breaks inside a text cell are collapsed to spaces.
        Assert.Equal("Iscrizione; modifica seconda riga", read.Rows[0].Fulfilment);
        Assert.Equal("tre righe qui", read.Rows[1].Fulfilment);
        var error = Assert.Single(read.Errors);
        Assert.Equal(8, error.RowNumber);
        Assert.Equal("unknown Stato 'STATO STRANO'", error.Reason);
        Assert.Equal("P3;02/01/2024;;STATO STRANO;Iscrizione;0;Registro imprese;Lecce", error.Raw);
    }

    [Fact]
    public void A_missing_required_column_names_it_with_its_first_synonym()
    {
        var path = _files.Write("pratiche.csv", "utf-8", "Protocollo;Data protocollo;Stato;Ufficio", "P1;02/01/2024;EVASA;RI");
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Equal(path, ex.File);
        Assert.Contains("missing required column 'Data evasione'", ex.Message);
        Assert.Contains("practice export", ex.Message);
        Assert.StartsWith("pratiche.csv: no header row recognised", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_company_list_without_its_registration_date_names_that_column()
    {
        var path = _files.Write("imprese.csv", "utf-8", "Numero REA;Stato impresa;Denominazione", "LE-1;ATTIVA;Alfa");
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Contains("missing required column 'Data iscrizione' for a company list", ex.Message);
    }

    [Fact]
    public void The_closest_kind_is_reported_when_neither_is_recognised()
    {
        var path = _files.Write("pratiche.csv", "utf-8", "Data protocollo;Data evasione;Ufficio;Note", "02/01/2024;;RI;");
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Contains("missing required columns 'Protocollo', 'Stato' for a practice export", ex.Message);
    }

    [Fact]
    public void A_header_of_unknown_columns_says_what_each_kind_needs()
    {
        var path = _files.Write("altro.csv", "utf-8", "Nome;Cognome;Età", "Mario;Rossi;40");
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Contains("no header row recognised: no known column", ex.Message);
        Assert.Contains("'Data evasione'", ex.Message);
        Assert.Contains("'Stato impresa'", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n  \r\n")]
    public void An_empty_file_is_one_clear_error(string text)
    {
        var path = _files.WriteText("vuoto.csv", text);
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Equal("vuoto.csv: empty file", ex.Message);
    }

    [Fact]
    public void A_header_without_any_candidate_separator_is_an_error()
    {
        var path = _files.Write("pipe.csv", "utf-8", "Protocollo|Data protocollo|Data evasione|Stato", "P1|02/01/2024|05/01/2024|EVASA");
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Contains("cannot detect the separator", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_header_row_with_broken_quoting_is_an_error_not_a_skipped_line()
    {
        var path = _files.Write("pratiche.csv", "utf-8",
            "Protocollo;Data protocollo;Data evasione;\"Sta\"to",
            "P1;02/01/2024;05/01/2024;EVASA");
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Contains("header row", ex.Message);
        Assert.Contains("quot", ex.Message);
    }

    [Fact]
    public void A_utf16_file_is_refused_with_a_clear_reason()
    {
        var path = _files.WriteBytes("utf16.csv", [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(FeedFiles.PracticeHeader)]);
        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));
        Assert.Contains("UTF-16", ex.Message);
    }

    [Fact]
    public void Reading_the_rows_of_the_other_kind_or_twice_is_an_invalid_operation()
    {
        var path = _files.Write("pratiche.csv", "utf-8", FeedFiles.PracticeHeader, "P1;02/01/2024;05/01/2024;EVASA;;;;");
        using var reader = FeedFiles.Open(path);
        var wrong = Assert.Throws<InvalidOperationException>(() => reader.Companies(_ => { }));
        Assert.Contains("practices feed", wrong.Message);
        Assert.Single(reader.Practices(_ => { }));
        Assert.Throws<InvalidOperationException>(() => reader.Practices(_ => { }));
    }

    [Fact]
    public void A_company_list_needs_a_salt()
    {
        var path = _files.Write("imprese.csv", "utf-8", FeedFiles.CompanyHeader);
        Assert.Throws<ArgumentException>(() => FeedFiles.Open(path, salt: ""));
    }

    [Fact]
    public void A_header_only_file_has_no_rows()
    {
        var path = _files.Write("imprese.csv", "utf-8", FeedFiles.CompanyHeader);
        var read = FeedFiles.Companies(path).Balanced();
        Assert.Empty(read.Rows);
        Assert.Equal(0, read.RowsRead);
    }

    [Fact]
    public void Rows_are_streamed_not_read_ahead()
    {
        var lines = new List<string> { FeedFiles.PracticeHeader };
        for (var i = 0; i < 20_000; i++) lines.Add($"P{i};02/01/2024;05/01/2024;EVASA;Iscrizione;0;Registro imprese;Lecce");
        var path = _files.Write("grande.csv", "utf-8", [.. lines]);
        using var reader = FeedFiles.Open(path);
        Assert.Equal(0, reader.RowsRead);
        var first = reader.Practices(_ => { }).Take(3).ToList();
        Assert.Equal("P2", first[2].Protocol);
        Assert.Equal(3, reader.RowsRead);
    }

    [Theory]
    [InlineData("pratiche.csv", true)]
    [InlineData("IMPRESE.TSV", true)]
    [InlineData("export.txt", true)]
    [InlineData("piano.xlsx", false)]
    [InlineData("relazione.pdf", false)]
    [InlineData("csv", false)]
    public void Looks_like_feed_by_extension(string name, bool expected) =>
        Assert.Equal(expected, FeedReader.LooksLikeFeed(Path.Combine("dir", name)));
}
