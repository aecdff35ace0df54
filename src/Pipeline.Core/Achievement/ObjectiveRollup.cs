using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Core.Achievement;

/// <summary>An objective of the tree to score: its parent (null for a root), level and printed weight, if any.</summary>
public sealed record RollupNode(string Id, string? Parent, ObjectiveLevel Level, decimal? Weight = null, string Label = "");

/// <summary>A KPI's score under its objective, with the weight the document prints for it, if any.</summary>
public sealed record RollupKpi(string Objective, KpiScore Score, decimal? Weight = null, string Label = "");

/// <summary>
/// An objective's (or the chamber's) achievement: the value (null when nothing under it has one), how many KPIs
/// are under it and how many of those have a score, and the rule applied with its items.
/// </summary>
public sealed record RollupScore(string Id, decimal? Value, int Kpis, int KpisMeasured, string Rule);

/// <summary>The whole tree's figures: one per objective, and the chamber's (the mean of the roots).</summary>
public sealed record RollupResult(IReadOnlyDictionary<string, RollupScore> Objectives, RollupScore Chamber);

/// <summary>
/// Achievement up the objective tree (action → operational → strategic → area → chamber): each objective is the
/// mean of its items — its own KPIs and its child objectives; a strategic objective takes them as the policy's
/// <see cref="StrategicMix"/> says — weighted by the weights the document prints when every item has one, equally
/// otherwise; missing actuals are skipped or count 0 as the policy says; each figure is rounded as the policy says.
/// </summary>
public static class ObjectiveRollup
{
    public const string ChamberId = "chamber";

    public static RollupResult Compute(IReadOnlyList<RollupNode> nodes, IReadOnlyList<RollupKpi> kpis, AchievementPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(policy);
        var byId = nodes.ToDictionary(n => n.Id);
        var children = nodes.Where(n => n.Parent is not null && byId.ContainsKey(n.Parent))
            .GroupBy(n => n.Parent!).ToDictionary(g => g.Key, g => g.ToList());
        var kpisOf = kpis.GroupBy(k => k.Objective).ToDictionary(g => g.Key, g => g.ToList());
        var scores = new Dictionary<string, RollupScore>();
        // the unrounded figures parents use (the shown ones, when the policy rounds each level)
        var exact = new Dictionary<string, decimal>();
        decimal Carried(string id) => policy.RoundEachLevel ? scores[id].Value!.Value : exact[id];

        RollupScore Mean(string id, List<Item> items, string mix, int kpiCount, int measured, AchievementPolicy p, string? key = null)
        {
            var (score, value) = MeanOf(id, items, mix, kpiCount, measured, p);
            if (value is { } v) exact[key ?? id] = v;
            return score;
        }

        RollupScore Score(RollupNode node, HashSet<string> path)
        {
            if (scores.TryGetValue(node.Id, out var done)) return done;
            if (!path.Add(node.Id)) throw new ArgumentException($"objective {node.Id} is its own ancestor", nameof(nodes));
            var childScores = children.GetValueOrDefault(node.Id, []).Select(c => (Node: c, Score: Score(c, path))).ToList();
            path.Remove(node.Id);
            var own = kpisOf.GetValueOrDefault(node.Id, []);

            var kpiItems = own.Select(k => new Item(KpiValue(k.Score, policy), k.Weight, k.Label.Length > 0 ? k.Label : "KPI")).ToList();
            var childItems = childScores.Select(c => new Item(c.Score.Value is null ? null : Carried(c.Node.Id), c.Node.Weight, c.Node.Label.Length > 0 ? c.Node.Label : c.Node.Id)).ToList();
            List<Item> items;
            string mix;
            var kpiCount = own.Count + childScores.Sum(c => c.Score.Kpis);
            var measured = own.Count(k => k.Score.Status == AchievementStatus.Measured) + childScores.Sum(c => c.Score.KpisMeasured);
            if (node.Level == ObjectiveLevel.Strategic && policy.Mix == StrategicMix.Shares
                && kpiItems.Any(i => i.Value is not null) && childItems.Any(i => i.Value is not null))
            {
                var ownMean = Mean(node.Id, kpiItems, "its own KPIs", 0, 0, policy, node.Id + "#kpis");
                var childMean = Mean(node.Id, childItems, "its operational objectives", 0, 0, policy, node.Id + "#children");
                var share = policy.OwnKpiShare;
                var mixed = share * exact[node.Id + "#kpis"] + (1 - share) * exact[node.Id + "#children"];
                exact[node.Id] = mixed;
                var shown = policy.Round(mixed);
                var combined = new RollupScore(node.Id, shown, kpiCount, measured,
                    $"{N(share * 100)} % × own KPIs ({ownMean.Rule}) + {N((1 - share) * 100)} % × operational objectives ({childMean.Rule}) → {N(shown)}");
                scores[node.Id] = combined;
                return combined;
            }
            if (node.Level == ObjectiveLevel.Strategic && kpiItems.Count > 0 && childItems.Count > 0 && policy.Mix != StrategicMix.Shares)
            {
                (items, mix) = policy.Mix switch
                {
                    StrategicMix.Children => (childItems, "its operational objectives"),
                    StrategicMix.OwnKpis => (kpiItems, "its own KPIs"),
                    _ => (kpiItems.Concat(childItems).ToList(), "its own KPIs and operational objectives"),
                };
            }
            else
            {
                items = kpiItems.Concat(childItems).ToList();
                mix = kpiItems.Count > 0 && childItems.Count > 0 ? "its KPIs and child objectives" : kpiItems.Count > 0 ? "its KPIs" : "its child objectives";
            }

            var result = Mean(node.Id, items, mix, kpiCount, measured, policy);
            scores[node.Id] = result;
            return result;
        }

        foreach (var node in nodes) Score(node, []);
        // the chamber: the mean of its top-level objectives (the areas), individual objectives apart
        var roots = nodes.Where(n => (n.Parent is null || !byId.ContainsKey(n.Parent)) && n.Level != ObjectiveLevel.Individual).ToList();
        var chamber = Mean(ChamberId,
            roots.Select(r => new Item(scores[r.Id].Value is null ? null : Carried(r.Id), r.Weight, r.Label.Length > 0 ? r.Label : r.Id)).ToList(),
            "its top-level objectives", roots.Sum(r => scores[r.Id].Kpis), roots.Sum(r => scores[r.Id].KpisMeasured), policy);
        return new RollupResult(scores, chamber);
    }

    /// <summary>A number of the rule's arithmetic, in the human format (<c>86,67 × 0,5</c>).</summary>
    private static string N(decimal v) => ItalianFormat.Number(v);

    private sealed record Item(decimal? Value, decimal? Weight, string Label);

    /// <summary>A KPI's value in a mean: its score; a missing actual as the policy says; not measurable: left out.</summary>
    private static decimal? KpiValue(KpiScore score, AchievementPolicy policy) => score.Status switch
    {
        AchievementStatus.Measured => score.Value,
        AchievementStatus.Missing when policy.Missing == MissingActualRule.Zero => 0m,
        _ => null,
    };

    /// <summary>The (weighted) mean of the items with a value: the shown score, and the unrounded value.</summary>
    private static (RollupScore Score, decimal? Exact) MeanOf(string id, List<Item> items, string mix, int kpis, int measured, AchievementPolicy policy)
    {
        var valued = items.Where(i => i.Value is not null).ToList();
        if (valued.Count == 0)
            return (new RollupScore(id, null, kpis, measured, items.Count == 0 ? "nothing to score under it" : $"no value among {mix}"), null);
        var weighted = valued.All(i => i.Weight is > 0);
        decimal value;
        string rule;
        if (weighted)
        {
            var total = valued.Sum(i => i.Weight!.Value);
            value = valued.Sum(i => i.Value!.Value * i.Weight!.Value) / total;
            rule = $"weighted mean of {mix}: ({string.Join(" + ", valued.Select(i => $"{N(i.Value!.Value)} × {N(i.Weight!.Value)}"))}) / {N(total)}";
        }
        else
        {
            value = valued.Sum(i => i.Value!.Value) / valued.Count;
            rule = $"mean of {mix}{(valued.Any(i => i.Weight is not null) ? " (weights not printed for all: equal weights)" : "")}: ({string.Join(" + ", valued.Select(i => N(i.Value!.Value)))}) / {valued.Count}";
        }
        var skipped = items.Count - valued.Count;
        if (skipped > 0) rule += $"; {skipped} without a value left out";
        var rounded = policy.Round(value);
        return (new RollupScore(id, rounded, kpis, measured, $"{rule} → {N(rounded)}"), value);
    }
}
