using Pipeline.Core.Model;
using Pipeline.Core.Values;

namespace Pipeline.Samples.Tests;

public class SamplePlanTests
{
    private readonly SamplePlan _plan = SampleRegion.Molise();

    [Fact]
    public void Molise_has_the_chamber_cycle_and_tree_sizes_the_samples_promise()
    {
        Assert.Equal("Camera di Commercio del Molise", _plan.ChamberName);
        Assert.Equal("CBIS", _plan.ChamberCode);
        Assert.Equal("2021-2023", _plan.Cycle);
        Assert.Equal(4, _plan.StrategicObjectives.Count);
        Assert.Equal(8, _plan.Objectives.Count);
        Assert.Equal(20, _plan.Kpis.Count);
        Assert.All(_plan.Objectives, o => Assert.Equal("operational", o.LevelCode));
        Assert.All(_plan.Objectives, o => Assert.Equal(ObjectiveLevel.Operational, o.Level));
    }

    [Fact]
    public void Codes_are_unique_and_every_kpi_and_objective_has_its_parent()
    {
        Assert.Equal(_plan.Kpis.Count, _plan.Kpis.Select(k => k.Code).Distinct().Count());
        Assert.Equal(_plan.Objectives.Count, _plan.Objectives.Select(o => o.Code).Distinct().Count());
        Assert.All(_plan.Kpis, k => Assert.Single(_plan.Objectives, o => o.Code == k.ObjectiveCode));
        Assert.All(_plan.Objectives, o => Assert.Equal(_plan.StrategicOf(o).Title, o.ParentTitle));
        Assert.All(_plan.Objectives, o => Assert.NotEmpty(_plan.KpisOf(o)));
        Assert.All(_plan.StrategicObjectives, s => Assert.InRange(s.SheetName.Length, 1, 31));
    }

    [Fact]
    public void Weights_of_each_objective_sum_to_100()
    {
        foreach (var objective in _plan.Objectives)
            Assert.Equal(100m, _plan.KpisOf(objective).Sum(k => k.Weight));
    }

    [Fact]
    public void Targets_are_for_2021_and_carry_a_value_matching_their_operator()
    {
        foreach (var kpi in _plan.Kpis)
        {
            Assert.Equal("2021", kpi.Target.Period);
            Assert.False(string.IsNullOrWhiteSpace(kpi.Target.Raw));
            switch (kpi.Target.Operator)
            {
                case TargetOperator.Date: Assert.NotNull(kpi.Target.Date); Assert.Equal(SampleKpiKind.Deadline, kpi.Kind); break;
                case TargetOperator.Bool: Assert.NotNull(kpi.Target.Flag); Assert.Equal(SampleKpiKind.YesNo, kpi.Kind); break;
                default: Assert.NotNull(kpi.Target.Number); break;
            }
        }
        var operators = _plan.Kpis.Select(k => k.Target.Operator).ToHashSet();
        Assert.Superset(new HashSet<TargetOperator> { TargetOperator.GreaterOrEqual, TargetOperator.LessOrEqual, TargetOperator.Equal, TargetOperator.Bool, TargetOperator.Date }, operators);
    }

    [Fact]
    public void Exactly_one_kpi_misses_its_first_half_value_and_every_kpi_has_an_annual_value()
    {
        var missing = _plan.Kpis.Where(k => k.ActualFor(SamplePeriods.FirstHalf2021) is null).Select(k => k.Code).ToList();
        Assert.Equal([SampleRegion.KpiMissingFirstHalf], missing);
        Assert.All(_plan.Kpis, k => Assert.NotNull(k.ActualFor(SamplePeriods.Year2021)));
        Assert.Null(_plan.Kpi(SampleRegion.KpiMissingFirstHalf).ActualNumber(SamplePeriods.FirstHalf2021));
        Assert.Equal(86m, _plan.Kpi(SampleRegion.KpiMissingFirstHalf).ActualNumber(SamplePeriods.Year2021));
    }

    [Fact]
    public void Deadline_kpis_have_date_actuals_for_the_year()
    {
        var deadlines = _plan.Kpis.Where(k => k.Kind == SampleKpiKind.Deadline).ToList();
        Assert.NotEmpty(deadlines);
        Assert.All(deadlines, k => Assert.NotNull(k.ActualFor(SamplePeriods.Year2021)!.Date));
    }

    [Fact]
    public void Molise_is_rebuilt_identically()
    {
        var again = SampleRegion.Molise();
        Assert.Equal(_plan.Kpis.Select(k => (k.Code, k.Name, k.Weight, k.Target)), again.Kpis.Select(k => (k.Code, k.Name, k.Weight, k.Target)));
        Assert.Equal(_plan.Objectives, again.Objectives);
    }
}
