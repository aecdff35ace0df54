using Pipeline.Core.Identity;

namespace Pipeline.Core.Tests.Identity;

/// <summary>KPI identity on names as the seeds print them in different documents of one chamber.</summary>
public sealed class KpiIdentityTests
{
    private static readonly KpiCandidate[] Plan =
    [
        new(1, null, "Eventi di sensibilizzazione e informazione realizzati PID"),
        new(2, null, "Realizzazione format immagine coordinata dell'ente"),
        new(3, "C1.1_04", "Tasso di evasione delle pratiche RI entro 5 giorni"),
        new(4, null, "Realizzazione di \"focus\" economico/statistici"),
        new(5, null, "Imprese assistite"),
    ];

    public static TheoryData<string?, string, KpiMatchKind, long?> Cases => new()
    {
        // 003 prints the same KPI with and without "N." in front: the same significant words
        { null, "N. eventi di sensibilizzazione e informazione realizzati PID", KpiMatchKind.Similar, 1 },
        // 001 names one KPI "Realizzazione format …" in its table and "Predisposizione format …" in its grid: close, not sure
        { null, "Predisposizione format immagine coordinata dell'Ente", KpiMatchKind.Uncertain, 2 },
        // the code wins over a reworded name
        { "C1.1_04", "% pratiche Registro Imprese evase entro 5 giorni al netto della sospensione", KpiMatchKind.Code, 3 },
        // quotes, slashes, case and accents do not count
        { null, "REALIZZAZIONE DI FOCUS ECONOMICO STATISTICI", KpiMatchKind.Name, 4 },
        // an Integra type suffix is not part of the name
        { null, "Imprese assistite Tipologia: Volume", KpiMatchKind.Name, 5 },
        // another KPI altogether
        { null, "Tempo medio di pagamento delle fatture passive", KpiMatchKind.None, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_report_s_kpi_is_matched_to_the_plan_s(string? code, string name, KpiMatchKind kind, long? id)
    {
        var match = KpiIdentity.Match(code, name, Plan);
        Assert.Equal(kind, match.Kind);
        if (id is not null) Assert.Equal(id, match.Candidate!.Id);
        Assert.Equal(kind is KpiMatchKind.Code or KpiMatchKind.Name or KpiMatchKind.Similar, match.IsMatch);
    }

    [Fact]
    public void Similarity_is_the_share_of_significant_words_in_common()
    {
        Assert.Equal(1.0, KpiIdentity.Similarity("N. eventi realizzati", "Numero degli eventi realizzati"));
        Assert.Equal(0.8, KpiIdentity.Similarity("Realizzazione format immagine coordinata ente", "Predisposizione format immagine coordinata ente"), 6); // 2 × 4 / 10
        Assert.Equal(0.0, KpiIdentity.Similarity("Imprese assistite", "Fatture pagate"));
    }

    [Fact]
    public void A_manual_match_wins_and_another_code_or_a_tie_is_never_taken_automatically()
    {
        Assert.Equal(KpiMatchKind.Manual, KpiIdentity.Match(null, "Tempo medio di pagamento", Plan, Plan[4]).Kind);
        // same words, but the report prints another code: another KPI
        Assert.Equal(KpiMatchKind.None, KpiIdentity.Match("C9.9_99", "Tasso di evasione delle pratiche RI entro 5 giorni", Plan).Kind);
        KpiCandidate[] twins = [new(10, null, "Imprese assistite in Puglia"), new(11, null, "Imprese assistite in Basilicata")];
        Assert.Equal(KpiMatchKind.Uncertain, KpiIdentity.Match(null, "Imprese assistite in Molise", twins).Kind);
    }
}
