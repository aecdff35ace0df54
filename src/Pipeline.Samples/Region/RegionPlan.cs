using Pipeline.Core.Chambers;
using Pipeline.Core.Model;
using Pipeline.Core.Values;
using Pipeline.Samples.Feeds;

namespace Pipeline.Samples.Region;

/// <summary>
/// The plan of one chamber of a synthetic region: <c>K</c> KPIs, three per operational objective, under four
/// strategic objectives, for the cycle 2021–2023. The KPIs are the sample chamber's twenty kinds of indicator
/// (<see cref="SampleRegion.Molise"/>) repeated in "lines" ("… - linea 2") so that every name stays distinct; their
/// targets and actuals are the sample's scaled by factors drawn from the chamber's seed, so two chambers' values differ.
/// Two kinds print a standard indicator code in their name (Pareto C1.1_04, PIRA KPISTD 225), shared by every chamber.
/// </summary>
public static class RegionPlan
{
    /// <summary>KPIs per operational objective (the last objective may have fewer).</summary>
    public const int KpisPerObjective = 3;

    private static readonly SampleStrategicObjective[] Strategic =
    [
        new("OS.1", "Accompagnare la transizione digitale delle imprese del territorio", "AS1 Digitale e semplificazione"),
        new("OS.2", "Rafforzare la competitività e la proiezione internazionale delle PMI", "AS2 Competitività e export"),
        new("OS.3", "Assicurare un mercato trasparente e tutelare consumatori e imprese", "AS3 Regolazione del mercato"),
        new("OS.4", "Garantire un'amministrazione efficiente, trasparente e sostenibile", "AS4 Efficienza interna"),
    ];

    // the standard codes the chambers print, as real plans do ("(kpi Pareto:C1.1_04_rev2018)", "KPISTD 225"), so that a
    // region's chambers share indicators (docs/indicators.md); only the first line of a kind prints it
    private static readonly Dictionary<string, (string Code, string Printed)> StandardCodes = new(StringComparer.Ordinal)
    {
        ["Quota di istanze evase entro cinque giorni"] = ("C1.1_04", " (kpi Pareto: C1.1_04)"),
        ["Tempo medio di pagamento delle fatture passive"] = ("KPISTD 225", " (KPISTD 225)"),
    };

    private static string StandardCodeOf(string name) => StandardCodes.TryGetValue(name, out var code) ? code.Printed : "";

    /// <summary>The standard indicators a region's plans print: each code with the sample KPI kind that prints it
    /// (its name, unit and target operator give the indicator's name, unit and polarity).</summary>
    public static IReadOnlyList<(string Code, SampleKpi Kind)> StandardIndicators() =>
        SampleRegion.Molise().Kpis.Where(k => StandardCodes.ContainsKey(k.Name)).Select(k => (StandardCodes[k.Name].Code, k)).ToList();

    /// <summary>The document name of a chamber ("Camera di Commercio di Foggia").</summary>
    public static string ChamberName(ChamberInfo chamber) =>
        chamber.Name.StartsWith("Camera", StringComparison.OrdinalIgnoreCase) || chamber.Name.StartsWith("Chambre", StringComparison.OrdinalIgnoreCase)
            ? chamber.Name : $"Camera di Commercio di {chamber.Name}";

    /// <summary>The plan of <paramref name="chamber"/> with <paramref name="kpiCount"/> KPIs, its values drawn from <paramref name="seed"/>.</summary>
    public static SamplePlan For(ChamberInfo chamber, int seed, int kpiCount)
    {
        ArgumentNullException.ThrowIfNull(chamber);
        ArgumentOutOfRangeException.ThrowIfLessThan(kpiCount, 1);
        var template = SampleRegion.Molise();
        var objectiveCount = (kpiCount + KpisPerObjective - 1) / KpisPerObjective;
        var random = FeedRandom.For(seed, 7);

        var objectives = new List<SampleObjective>();
        var perStrategic = new int[Strategic.Length];
        for (var o = 0; o < objectiveCount; o++)
        {
            var like = template.Objectives[o % template.Objectives.Count];
            var strategicIndex = int.Parse(like.ParentCode["OS.".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
            var strategic = Strategic[strategicIndex];
            var number = ++perStrategic[strategicIndex];
            var round = o / template.Objectives.Count;
            var title = round == 0 ? like.Title : $"{like.Title} - linea {round + 1}";
            objectives.Add(new SampleObjective($"OO.{strategicIndex + 1}.{number}", title, ObjectiveLevel.Operational, strategic.Code, strategic.Title, like.OrgUnit));
        }

        var kpis = new List<SampleKpi>();
        for (var o = 0; o < objectiveCount; o++)
        {
            var objective = objectives[o];
            var count = Math.Min(KpisPerObjective, kpiCount - o * KpisPerObjective);
            for (var k = 0; k < count; k++)
            {
                var i = o * KpisPerObjective + k;
                var like = template.Kpis[i % template.Kpis.Count];
                var round = i / template.Kpis.Count;
                var name = round == 0 ? like.Name + StandardCodeOf(like.Name) : $"{like.Name} - linea {round + 1}";
                kpis.Add(Scaled(like, $"IND.{objective.Code["OO.".Length..]}.{k + 1}", objective.Code, name, Weight(count, k), random));
            }
        }
        var used = Strategic.Where(s => objectives.Any(o => o.ParentCode == s.Code)).ToList();
        return new SamplePlan(ChamberName(chamber), chamber.Code, 2021, 2023, used, objectives, kpis);
    }

    /// <summary>Weights of an objective's KPIs summing to 100 (3 KPIs: 40, 30, 30).</summary>
    private static decimal Weight(int count, int index) => count switch
    {
        1 => 100m,
        2 => 50m,
        _ => index == 0 ? 40m : 30m,
    };

    private static SampleKpi Scaled(SampleKpi like, string code, string objective, string name, decimal weight, FeedRandom random)
    {
        const string year = SamplePeriods.Year2021, half = SamplePeriods.FirstHalf2021;
        var target = like.Target;
        SampleActual? yearActual = like.ActualFor(year), halfActual = like.ActualFor(half);
        switch (target.Operator)
        {
            case TargetOperator.GreaterOrEqual or TargetOperator.LessOrEqual when target.Number is { } value:
            {
                var scaled = Round(like.Kind, value * Factor(random, 50, 200));
                target = TargetValue.Numeric(year, target.Operator, scaled, Raw(target.Operator, scaled, target.Unit), target.Unit);
                var ratio = Factor(random, 80, 120);
                yearActual = Number(like.Kind, yearActual, value, scaled, ratio);
                halfActual = Number(like.Kind, halfActual, value, scaled, ratio);
                break;
            }
            case TargetOperator.Date when target.Date is { } date:
            {
                var due = date.AddDays(random.Between(0, 60));
                target = TargetValue.Deadline(year, due, $"Entro {due:dd/MM/yyyy}");
                var done = due.AddDays(-random.Between(0, 120));
                yearActual = SampleActual.DoneOn(done.Year, done.Month, done.Day);
                halfActual = done <= new DateOnly(2021, 6, 30) ? yearActual : SampleActual.Status("In corso");
                break;
            }
        }
        return new SampleKpi(code, objective, name, like.Algorithm, like.Unit, like.Kind, weight, like.Source, target,
            new Dictionary<string, SampleActual?> { [half] = halfActual, [year] = yearActual }, like.Note);
    }

    /// <summary>An actual of the template, scaled as its target was and by <paramref name="ratio"/>, within the kind's range.</summary>
    private static SampleActual? Number(SampleKpiKind kind, SampleActual? actual, decimal target, decimal scaledTarget, decimal ratio) =>
        actual?.Number is { } number ? SampleActual.Of(Round(kind, number / target * scaledTarget * ratio)) : actual;

    private static decimal Factor(FeedRandom random, int minPercent, int maxPercent) => random.Between(minPercent, maxPercent) / 100m;

    /// <summary>A value as the kind is written: whole counts and euros, percentages within 0–100 and scores within 1–5 with one decimal.</summary>
    private static decimal Round(SampleKpiKind kind, decimal value) => kind switch
    {
        SampleKpiKind.Count or SampleKpiKind.Amount => Math.Max(1m, Math.Round(value)),
        SampleKpiKind.Percent => Math.Clamp(Math.Round(value, 1), 0.1m, 100m),
        SampleKpiKind.Score => Math.Clamp(Math.Round(value, 1), 1m, 5m),
        _ => Math.Max(0.1m, Math.Round(value, 1)),
    };

    /// <summary>The target's text as a plan writes it: "&gt;= 1.800", "&lt;= 5 gg", "&gt;= 12%", "&gt;= 250.000 €".</summary>
    private static string Raw(TargetOperator op, decimal value, string? unit)
    {
        var sign = op == TargetOperator.LessOrEqual ? "<=" : ">=";
        var suffix = unit switch
        {
            null => "",
            "%" => "%",
            _ => " " + unit,
        };
        return $"{sign} {ItalianFormat.Number(value)}{suffix}";
    }
}
