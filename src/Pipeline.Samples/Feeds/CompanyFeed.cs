using System.Globalization;
using Pipeline.Core.Feeds;

namespace Pipeline.Samples.Feeds;

/// <summary>
/// A synthetic InfoCamere-style list of the companies registered in the Molise chamber at a list date, fully
/// determined by its seed. Rows come ordered by Provincia (CB about 70%, then IS) and Numero REA, so Data iscrizione
/// grows along each province (1970 to the list date, more in recent years). About 55% of the rows are sole
/// proprietorships (IMPRESA INDIVIDUALE: a person's 16-character codice fiscale, a person's name, possibly after a
/// trade name), the others SRL, SRLS (from 2012), SNC, SAS, SPA, SOCIETA' COOPERATIVA with an 11-digit codice
/// fiscale; about 80% are ATTIVA, the others INATTIVA, SOSPESA, CESSATA (with Data cessazione) or LIQUIDATA.
/// About 0.4% are in the special section START-UP INNOVATIVA (registered in the last five years) and 0.1% in PMI
/// INNOVATIVA. About 35% have activated the cassetto digitale (Data attivazione cassetto from 2017, most in the last
/// year: with the list date 31/12/2022, about 6% of the active companies by 30/06/2021 and 13% by 31/12/2021, in line
/// with KPI IND.1.1.2 of the sample plan). Rows hold what the file prints: the codice fiscale in
/// <see cref="CompanyRow.TaxCodeKey"/> and the Denominazione in <see cref="CompanyRow.Name"/>, before any privacy step.
/// </summary>
public static class CompanyFeed
{
    /// <summary>Natura giuridica of a sole proprietorship.</summary>
    public const string SoleProprietorship = "IMPRESA INDIVIDUALE";

    /// <summary>Sezione speciale of the innovative start-ups.</summary>
    public const string StartUp = "START-UP INNOVATIVA";

    /// <summary>Sezione speciale of the innovative SMEs.</summary>
    public const string InnovativeSme = "PMI INNOVATIVA";

    /// <summary>The header's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Provincia", "Numero REA", "Codice fiscale", "Denominazione", "Natura giuridica", "Stato impresa", "Data iscrizione",
        "Data cessazione", "Codice ATECO", "Sezione speciale", "Data iscrizione sezione", "Cassetto digitale",
        "Data attivazione cassetto",
    ];

    /// <summary>The values of Natura giuridica, in the order of <see cref="LegalFormWeights"/>.</summary>
    public static IReadOnlyList<string> LegalForms { get; } =
        [SoleProprietorship, "SRL", "SRLS", "SNC", "SAS", "SPA", "SOCIETA' COOPERATIVA"];

    /// <summary>The values of Stato impresa.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["ATTIVA", "INATTIVA", "SOSPESA", "CESSATA", "LIQUIDATA"];

    /// <summary>The largest count <see cref="Rows"/> accepts (the 7-digit serial of a company's codice fiscale).</summary>
    public const int MaxCount = 10_000_000;

    private static readonly int[] LegalFormWeights = [5_500, 2_000, 600, 700, 600, 100, 500];
    private static readonly bool[] IsCapitalCompany = [false, true, true, false, false, true, true];
    private const int CapitalShareOf10000 = 3_200; // SRL + SRLS + SPA + cooperatives
    private static readonly DateOnly SrlsIntroduced = new(2012, 8, 29);
    private static readonly DateOnly InnovativeSmeSectionOpened = new(2015, 3, 24);
    private static readonly DateOnly DrawerLaunched = new(2017, 1, 1);
    private static readonly DateOnly FirstRegistration = new(1970, 1, 1);

    // ATTIVA, INATTIVA, SOSPESA, CESSATA, LIQUIDATA (a sole proprietorship is not liquidated: it ceases).
    private static readonly int[] SoleStatusWeights = [8_000, 700, 100, 1_200, 0];
    private static readonly int[] CompanyStatusWeights = [8_000, 450, 100, 750, 700];

    private static readonly string[] AtecoCodes =
    [
        "01.11.10", "01.21.00", "01.26.00", "01.50.00", "10.71.10", "41.20.00", "43.21.01", "45.20.10", "46.90.00",
        "47.11.40", "47.71.10", "47.73.10", "49.41.00", "55.10.00", "56.10.11", "56.30.00", "68.20.01", "70.22.09",
        "96.02.01",
    ];
    private static readonly int[] SoleAtecoWeights = [900, 500, 400, 600, 300, 700, 500, 500, 200, 400, 400, 50, 400, 100, 400, 700, 100, 200, 600];
    private static readonly int[] CompanyAtecoWeights = [150, 150, 100, 150, 200, 900, 500, 300, 500, 300, 250, 200, 300, 300, 500, 300, 600, 500, 100];
    private static readonly string[] InnovativeAteco = ["62.01.00", "62.02.00", "72.19.09", "63.11.19", "70.22.09"];

    private static readonly (string Code, int Weight)[] CampobassoBirthplaces =
        [("B519", 40), ("L113", 25), ("A930", 10), ("E456", 10), ("F839", 5), ("H501", 5), ("D643", 5)];
    private static readonly (string Code, int Weight)[] IserniaBirthplaces =
        [("E335", 45), ("L725", 25), ("A080", 15), ("F839", 8), ("H501", 7)];

    // The cassetto digitale's adoption: the share of activations (up to the list date) done by a fraction of the
    // time from its launch to the list date; slow until the last two years, most in the last one.
    private static readonly (double Time, double Share)[] DrawerAdoption =
        [(0, 0), (4.0 / 6, 0.07), (4.5 / 6, 0.155), (5.0 / 6, 0.32), (1, 1)];

    /// <summary>
    /// <paramref name="count"/> companies of the list at <paramref name="listDate"/>, lazily and the same for the same
    /// arguments on every run and runtime. Numero REA is unique (each province's numbers rise with Data iscrizione;
    /// the IS numbers start above the last CB one), and so is the codice fiscale (a person's, when the generated one
    /// is taken, gets the omocodia substitutions; remembering the issued ones is the only state that grows with the
    /// count). <see cref="CompanyRow.RowNumber"/> is the row's line in the file <see cref="Write"/> makes (header = 1).
    /// </summary>
    public static IEnumerable<CompanyRow> Rows(int count, int seed, DateOnly listDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(listDate, new DateOnly(1971, 1, 1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listDate, new DateOnly(9998, 12, 31));
        return Generate(count, seed, listDate);
    }

    private static IEnumerable<CompanyRow> Generate(int count, int seed, DateOnly listDate)
    {
        var months = MonthWeights(listDate, FeedRandom.For(seed, 11));
        long total = 0;
        long recent = 0;
        var recentFrom = listDate.AddYears(-5);
        for (var m = 0; m < months.Length; m++)
        {
            total += months[m];
            if (FirstRegistration.AddMonths(m) >= recentFrom) recent += months[m];
        }
        // Chances given eligibility, so that the shares over the whole list come out as 0.4% and 0.1%.
        var startUpPerMillion = (int)Math.Min(1_000_000, 4_000L * 10_000 * total / Math.Max(1, recent * CapitalShareOf10000));
        var smePerMillion = listDate >= InnovativeSmeSectionOpened ? 1_000 * 10_000 / CapitalShareOf10000 : 0;

        var random = FeedRandom.For(seed, 12);
        var context = new Context(random, listDate, recentFrom, startUpPerMillion, smePerMillion, new HashSet<string>(StringComparer.Ordinal));
        var campobasso = count * 7 / 10;
        const int maxReaGap = 4;
        var provinces = new (string Code, int Office, int Count, int FirstRea, (string, int)[] Birthplaces)[]
        {
            ("CB", 70, campobasso, 20_000, CampobassoBirthplaces),
            ("IS", 94, count - campobasso, (20_000 + campobasso * maxReaGap) / 10_000 * 10_000 + 10_000, IserniaBirthplaces),
        };
        long index = 0;
        foreach (var province in provinces)
        {
            var rea = province.FirstRea;
            foreach (var registered in RegistrationDates(province.Count, months, total, listDate, random))
            {
                rea += random.Between(1, maxReaGap);
                var serial = (int)((index * 7_368_787L + 1_234_567L) % MaxCount); // a bijection on 0..9,999,999
                yield return Company(context, index + 2, province.Code, rea, registered,
                    ItalianTaxCodes.Company(serial, province.Office), province.Birthplaces);
                index++;
            }
        }
    }

    private sealed record Context(FeedRandom Random, DateOnly ListDate, DateOnly RecentFrom, int StartUpPerMillion,
        int SmePerMillion, HashSet<string> PersonCodes);

    /// <summary>Relative registrations per month from January 1970 to the list date's month: rising over time, many in January, few in August.</summary>
    private static int[] MonthWeights(DateOnly listDate, FeedRandom random)
    {
        var count = (listDate.Year - FirstRegistration.Year) * 12 + listDate.Month;
        var weights = new int[count];
        for (var m = 0; m < count; m++)
        {
            var ramp = 300 + 1_700L * m / Math.Max(1, count - 1);
            var season = (m % 12) switch { 0 => 1_500, 7 => 500, 11 => 800, _ => 1_000 };
            weights[m] = (int)(ramp * season / 1_000 * random.Between(900, 1_100) / 1_000);
        }
        return weights;
    }

    /// <summary>
    /// <paramref name="count"/> non-decreasing registration dates (working days up to the list date) spread over the
    /// months by weight, without holding them: each month gets its share, its dates spaced over its days.
    /// </summary>
    private static IEnumerable<DateOnly> RegistrationDates(int count, int[] months, long total, DateOnly listDate, FeedRandom random)
    {
        long cumulative = 0;
        long emitted = 0;
        for (var m = 0; m < months.Length; m++)
        {
            cumulative += months[m];
            var inMonth = (long)((Int128)count * cumulative / total) - emitted;
            var start = FirstRegistration.AddMonths(m);
            var days = m == months.Length - 1 ? listDate.Day : DateTime.DaysInMonth(start.Year, start.Month);
            for (var i = 0; i < inMonth; i++)
            {
                var day = (int)((i + random.NextDouble()) / inMonth * days);
                var date = OfficeDays.NextWorkingDay(start.AddDays(day));
                yield return date <= listDate ? date : listDate;
            }
            emitted += inMonth;
        }
    }

    private static CompanyRow Company(Context context, long rowNumber, string province, int rea, DateOnly registered,
        string companyTaxCode, (string Code, int Weight)[] birthplaces)
    {
        var random = context.Random;
        var listDate = context.ListDate;
        var form = random.Pick(LegalFormWeights);
        if (LegalForms[form] == "SRLS" && registered < SrlsIntroduced) form = 1; // SRL
        var legalForm = LegalForms[form];
        var sole = form == 0;

        string? section = null;
        DateOnly? sectionRegistered = null;
        if (IsCapitalCompany[form] && registered >= context.RecentFrom && random.Chance(context.StartUpPerMillion))
        {
            section = StartUp;
            sectionRegistered = DayBetween(random, registered, Min(listDate, registered.AddDays(365)));
        }
        else if (IsCapitalCompany[form] && random.Chance(context.SmePerMillion))
        {
            section = InnovativeSme;
            sectionRegistered = DayBetween(random, Max(registered, InnovativeSmeSectionOpened), listDate);
        }

        var status = section is null ? Statuses[random.Pick(sole ? SoleStatusWeights : CompanyStatusWeights)] : "ATTIVA";
        DateOnly? ceased = status == "CESSATA" ? DayBetween(random, Min(listDate, registered.AddDays(30)), listDate) : null;

        var ateco = section is null
            ? AtecoCodes[random.Pick(sole ? SoleAtecoWeights : CompanyAtecoWeights)]
            : random.Of(InnovativeAteco);

        string taxCode;
        string name;
        if (sole)
        {
            (taxCode, name) = Person(context, registered, birthplaces);
        }
        else
        {
            taxCode = companyTaxCode;
            name = CompanyName(random, legalForm, section is not null);
        }
        if (random.Below(100) < 30) name = name.ToUpperInvariant(); // some offices register names in capitals

        var drawerEnd = ceased ?? listDate;
        var drawerStart = Max(registered, DrawerLaunched);
        DateOnly? drawer = null;
        if (drawerStart <= drawerEnd && random.Chance(status == "ATTIVA" ? 420_000 : 150_000))
            drawer = DrawerActivation(random, drawerStart, drawerEnd, listDate);

        return new CompanyRow(rowNumber, province, rea.ToString(CultureInfo.InvariantCulture), taxCode, name, legalForm, status,
            registered, ceased, ateco, section, sectionRegistered, drawer is not null, drawer);
    }

    /// <summary>The owner of a sole proprietorship: a unique codice fiscale and the name the register prints.</summary>
    private static (string TaxCode, string Name) Person(Context context, DateOnly registered, (string Code, int Weight)[] birthplaces)
    {
        var random = context.Random;
        var female = random.Below(100) < 35;
        var surname = random.Of(CompanyNames.Surnames);
        var firstName = random.Of(female ? CompanyNames.FemaleNames : CompanyNames.MaleNames);
        var birth = registered.AddYears(-random.Between(20, 64)).AddDays(-random.Below(365));
        if (birth.Year < 1900) birth = new DateOnly(1900, 1, 1).AddDays(random.Below(3_650));
        Span<int> weights = stackalloc int[birthplaces.Length];
        for (var i = 0; i < birthplaces.Length; i++) weights[i] = birthplaces[i].Weight;
        var code = ItalianTaxCodes.Person(surname, firstName, birth, female, birthplaces[random.Pick(weights)].Code);
        code = Unique(code, context.PersonCodes);

        var person = $"{surname} {firstName}";
        var kind = random.Below(1_000);
        var name = kind switch
        {
            < 5 => $"{random.Of(CompanyNames.Signs)} di {person}",
            < 300 => $"{random.Of(CompanyNames.SoleTrades)} di {person}",
            _ => person,
        };
        return (code, name);
    }

    // Omocodia: while a code is taken, the next digit from the right becomes a letter (0→L … 9→V).
    private static readonly int[] OmocodiaPositions = [14, 13, 12, 10, 9, 7, 6];
    private const string OmocodiaLetters = "LMNPQRSTUV";

    private static string Unique(string code, HashSet<string> issued)
    {
        var chars = code.ToCharArray();
        foreach (var position in OmocodiaPositions)
        {
            if (issued.Add(new string(chars))) return new string(chars);
            chars[position] = OmocodiaLetters[chars[position] - '0'];
            chars[15] = ItalianTaxCodes.PersonCheckCharacter(chars.AsSpan(0, 15));
        }
        if (issued.Add(new string(chars))) return new string(chars);
        throw new InvalidOperationException($"no free codice fiscale for {code}");
    }

    private static string CompanyName(FeedRandom random, string legalForm, bool innovative)
    {
        var suffix = legalForm switch
        {
            "SRL" => "S.r.l.",
            "SRLS" => "S.r.l.s.",
            "SPA" => "S.p.A.",
            "SNC" => "S.n.c.",
            "SAS" => "S.a.s.",
            _ => "Società Cooperativa",
        };
        var surname = random.Of(CompanyNames.Surnames);
        if (innovative) return $"{random.Of(CompanyNames.InnovativeWords)} {random.Of(CompanyNames.Places)} {suffix}";
        if (legalForm is "SNC" or "SAS")
        {
            var partner = $"{random.Of(CompanyNames.Surnames)} {random.Of(random.Below(2) == 0 ? CompanyNames.MaleNames : CompanyNames.FemaleNames)}";
            return random.Below(3) switch
            {
                0 => $"{surname} {partner.Split(' ')[^1]} & C. {suffix}",
                1 => $"F.lli {surname} {suffix}",
                _ => $"{random.Of(CompanyNames.Words)} {random.Of(CompanyNames.Places)} {suffix} di {partner} & C.",
            };
        }
        var kind = random.Below(1_000);
        var stem = kind switch
        {
            < 2 => $"{random.Of(CompanyNames.Words)} {random.Of(CompanyNames.Places)}; {random.Of(CompanyNames.SemicolonTails)}",
            < 10 => random.Of(CompanyNames.Signs),
            < 150 => random.Of(CompanyNames.Specials),
            < 400 => $"{surname} {random.Of(CompanyNames.Words)}",
            _ => $"{random.Of(CompanyNames.Words)} {random.Of(CompanyNames.Places)}",
        };
        return $"{stem} {suffix}";
    }

    /// <summary>A cassetto activation in [from, to] following the adoption curve over [launch, list date].</summary>
    private static DateOnly DrawerActivation(FeedRandom random, DateOnly from, DateOnly to, DateOnly listDate)
    {
        var span = (double)(listDate.DayNumber - DrawerLaunched.DayNumber);
        if (span <= 0) return from;
        var low = AdoptionShare((from.DayNumber - DrawerLaunched.DayNumber) / span);
        var high = AdoptionShare((to.DayNumber + 1 - DrawerLaunched.DayNumber) / span);
        var time = AdoptionTime(low + random.NextDouble() * (high - low));
        var day = DrawerLaunched.AddDays((int)(time * span));
        return day < from ? from : day > to ? to : day;
    }

    private static double AdoptionShare(double time)
    {
        if (time <= 0) return 0;
        for (var i = 1; i < DrawerAdoption.Length; i++)
        {
            var (t0, s0) = DrawerAdoption[i - 1];
            var (t1, s1) = DrawerAdoption[i];
            if (time <= t1) return s0 + (s1 - s0) * (time - t0) / (t1 - t0);
        }
        return 1;
    }

    private static double AdoptionTime(double share)
    {
        for (var i = 1; i < DrawerAdoption.Length; i++)
        {
            var (t0, s0) = DrawerAdoption[i - 1];
            var (t1, s1) = DrawerAdoption[i];
            if (share <= s1) return t0 + (t1 - t0) * (share - s0) / (s1 - s0);
        }
        return 1;
    }

    /// <summary>A working day in [from, to] (or <paramref name="to"/> when the range has none after the draw).</summary>
    private static DateOnly DayBetween(FeedRandom random, DateOnly from, DateOnly to)
    {
        if (to < from) return from;
        var day = OfficeDays.NextWorkingDay(from.AddDays(random.Below(to.DayNumber - from.DayNumber + 1)));
        return day <= to ? day : to;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;

    /// <summary>
    /// Writes <paramref name="rows"/> as an InfoCamere company list in <paramref name="style"/>, streaming (the stream
    /// is left open and flushed): the header, then one line per row; dates as dd/MM/yyyy, empty when missing;
    /// Cassetto digitale as S or N; values holding the delimiter, a quote or a line break quoted with doubled
    /// quotes (every value when <see cref="FeedCsvStyle.Quoted"/>). <see cref="FeedCsvStyle.WithTimes"/> does not
    /// apply (the list has no time of day).
    /// </summary>
    public static void Write(Stream output, IEnumerable<CompanyRow> rows, FeedCsvStyle style)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(style);
        using var writer = new FeedCsvWriter(output, style);
        writer.Record(Columns);
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            writer.Field(row.Province);
            writer.Field(row.ReaNumber);
            writer.Field(row.TaxCodeKey);
            writer.Field(row.Name);
            writer.Field(row.LegalForm);
            writer.Field(row.Status);
            writer.Field(row.Registered);
            writer.Field(row.Ceased);
            writer.Field(row.Ateco);
            writer.Field(row.Section);
            writer.Field(row.SectionRegistered);
            writer.Field(row.DigitalDrawer ? "S" : "N");
            writer.Field(row.DrawerActivated);
            writer.EndRecord();
        }
    }
}
