using Dapper;
using Pipeline.Core.Achievement;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Jobs.Achievement;

/// <summary>
/// Computes and stores a chamber's achievement: for every year of its plans up to <c>today</c>'s year (what a nightly
/// run does after loading), or again for the years already computed (what accepting a held version does after making
/// it current).
/// </summary>
public sealed class ChamberAchievement(SqlDialect dialect, TimeProvider clock)
{
    /// <returns>The number of periods computed.</returns>
    public async Task<int> ComputeAsync(string chamberCode, AchievementPolicy policy, DateOnly today, CancellationToken ct = default)
    {
        IReadOnlyList<int> years;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            var plans = await connection.QueryAsync<(int From, int To)>(new CommandDefinition(
                "SELECT p.cycle_from, p.cycle_to FROM dim_plan p JOIN dim_chamber c ON c.chamber_id = p.chamber_id WHERE c.code = @chamberCode",
                new { chamberCode }, cancellationToken: ct));
            years = plans.SelectMany(p => Enumerable.Range(p.From, p.To - p.From + 1)).Where(y => y <= today.Year).Distinct().Order().ToList();
        }
        return await ComputeYearsAsync(chamberCode, years, policy, ct);
    }

    /// <summary>Computes again the years of the chamber whose achievement is stored (none stored: nothing to do).</summary>
    /// <returns>The number of periods computed.</returns>
    public async Task<int> RecomputeAsync(string chamberCode, AchievementPolicy policy, CancellationToken ct = default)
    {
        List<int> years;
        await using (var connection = await dialect.OpenAsync(ct))
        {
            years = (await connection.QueryAsync<int>(new CommandDefinition(
                """
                SELECT DISTINCT p.year FROM fact_chamber_achievement f
                JOIN dim_period p ON p.period_id = f.period_id JOIN dim_plan pl ON pl.plan_id = f.plan_id
                JOIN dim_chamber c ON c.chamber_id = pl.chamber_id
                WHERE c.code = @chamberCode AND f.basis = 'computed' ORDER BY p.year
                """, new { chamberCode }, cancellationToken: ct))).ToList();
        }
        return await ComputeYearsAsync(chamberCode, years, policy, ct);
    }

    private async Task<int> ComputeYearsAsync(string chamberCode, IReadOnlyList<int> years, AchievementPolicy policy, CancellationToken ct)
    {
        var periods = 0;
        var computer = new AchievementComputer(dialect, clock);
        foreach (var year in years)
            periods += (await computer.ComputeAsync(chamberCode, year, policy, ct)).Periods.Count;
        return periods;
    }
}
