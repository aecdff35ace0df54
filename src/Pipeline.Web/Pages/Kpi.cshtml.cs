using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Queries;
using Pipeline.Web.Access;
using Pipeline.Web.Charts;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>KPI: targets and actuals per period with their sources, the rule applied, history, a trend (403 outside the scope).</summary>
public sealed class KpiModel(KpiDetail detail) : PageModel
{
    public TracedKpi? Kpi { get; private set; }

    /// <summary>The current numeric actual and target of each period, in calendar order.</summary>
    public IReadOnlyList<TrendPoint> Trend => Kpi is null ? [] : Kpi.Values.Where(v => v.IsCurrent)
        .GroupBy(v => v.Period).OrderBy(g => g.Key, Period.CalendarOrder)
        .Select(g => new TrendPoint(g.Key, g.FirstOrDefault(v => v.ValueKind != "target")?.Value, g.FirstOrDefault(v => v.ValueKind == "target")?.Value))
        .ToList();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Kpi = await detail.LoadAsync(User.ScopeOf(), id, ct);
        return Kpi is null ? NotFound() : Page();
    }

    /// <summary>A value in the Italian format: a target with its operator, a number with the unit, else the text read.</summary>
    public static string? Shown(TracedValue v, string? unit) =>
        v.ValueKind == "target" ? ItalianFormat.Target(v.Operator, v.Value, unit, v.ValueText) : ItalianFormat.Value(v.Value, unit, v.ValueText);
}
