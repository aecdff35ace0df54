using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Hostile;

/// <summary>
/// The hostile-input corpus ingested beside good files (<see cref="HostileCorpusRun"/>), on both dialects. No crash, no
/// hang; every bad file either fails with exactly one error line naming it and a clear reason, is skipped with one
/// line, or loads (a load with fewer facts than the file it was made from is never silent); rows read = staged +
/// quarantined for every feed; the good files' facts are those of a clean load of them alone.
/// </summary>
public abstract partial class HostileCorpusIngestTests(HostileCorpusRun run, ITestOutputHelper output)
{
    [Fact]
    public void Hostile_files_beside_good_ones_fail_alone_with_one_line_each_and_lose_nothing()
    {
        var problems = new List<string>();
        problems.AddRange(run.Crashes.Select(c => "crash: " + c));
        problems.AddRange(run.Hangs.Select(h => "hang: " + h));

        foreach (var outcome in run.Outcomes)
        {
            if (outcome.Status == "unaccounted")
                problems.Add($"{outcome.Describe}: {outcome.Statuses.Count} status lines and {outcome.Skips.Count} skip lines, not one");
            else if (outcome.Status == "failed" && outcome.Errors.Count != 1)
                problems.Add($"{outcome.Describe}: failed with {outcome.Errors.Count} error lines, not one");
            else if (outcome.Status == "failed" && outcome.Errors[0][(Pipeline.Core.Text.PrintableText.OneLine(outcome.Path).Length + 2)..] is var reason && (reason.Trim().Length < 10 || UnclearReason().IsMatch(reason)))
                problems.Add($"{outcome.Describe}: unclear reason: {reason}");
            else if (outcome.Lossy && !outcome.LossyResend && outcome.Warnings.Count + outcome.Errors.Count == 0)
                problems.Add($"{outcome.Describe}: loaded with {outcome.Loaded!.Figures} against {outcome.Source!.Figures} in {outcome.File.Source}, without a word");
        }

        foreach (var (name, read, staged, quarantined) in run.FeedLines)
        {
            if (read != staged + quarantined) problems.Add($"{name}: {read} rows read, {staged} staged + {quarantined} quarantined");
            if (!run.HostileFacts.Any(d => Path.GetFileName(d.FilePath) == name && d.Staged == staged && d.Quarantined == quarantined))
                problems.Add($"{name}: the warehouse does not hold the {staged} staged and {quarantined} quarantined rows printed");
        }

        var losses = 0;
        foreach (var good in run.CleanFacts)
        {
            var after = run.HostileFacts.SingleOrDefault(d => string.Equals(d.Sha256, good.Sha256, StringComparison.OrdinalIgnoreCase));
            if (after?.Figures == good.Figures) continue;
            losses++;
            problems.Add($"{Path.GetFileName(good.FilePath)}: {good.Figures} alone, {after?.Figures ?? "nothing"} beside the hostile files");
        }

        var count = (string status) => run.Outcomes.Count(o => o.Status == status);
        var loaded = run.Outcomes.Count(o => o.Status is not ("failed" or "skipped" or "unaccounted"));
        output.WriteLine($"hostile corpus ({run.Dialect}): {run.Files.Count} files of {run.Files.Select(f => f.Kind).Distinct().Count()} kinds in "
            + $"{HostileCorpusRun.Batches} batches beside {run.GoodFiles} good files: {count("failed")} failed with one line, {count("skipped")} skipped "
            + $"with one line, {loaded} loaded ({run.Outcomes.Count(o => o.Lossy)} with fewer facts than their source, "
            + $"{run.Outcomes.Count(o => o.LossyResend)} of them versions of a good document, {count("held")} held for review); {run.FeedLines.Count} feeds with rows read = staged + quarantined; "
            + $"crashes {run.Crashes.Count}, hangs {run.Hangs.Count}, losses {losses}; {run.Elapsed.TotalSeconds:0} s");
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems)}");
        Assert.Equal(run.Files.Count, run.Outcomes.Count);
    }

    /// <summary>
    /// A damaged re-send of a good document that loses KPIs or values (a flipped byte in the Relazione, a workbook cell
    /// gone) is loaded as held ("[i/n] held: …" and one "held for review" line): never made current, so the good version
    /// and its figures stay. A feed
    /// that lost rows is a smaller export and supersedes as before, but never without a line.
    /// </summary>
    [Fact]
    public void A_damaged_resend_that_loses_facts_is_held_never_made_current()
    {
        // a feed that lost rows is a smaller export and supersedes; one that lost a column a metric needs says so
        var displaced = run.Outcomes.Where(o => o.LossyResend && ((o.Loaded!.WasCurrent && !o.Loaded.LogicalKey.Contains("|feed|", StringComparison.Ordinal))
                || (o.Status != "held" && o.Warnings.Count + o.Errors.Count == 0)))
            .Select(o => $"{o.Describe}: {o.Status} with {o.Loaded!.Figures} against {o.Source!.Figures}{(o.Loaded.WasCurrent ? ", made current" : "")}"
                + $"{(o.Warnings.Count + o.Errors.Count == 0 ? ", without a word" : "")}")
            .ToList();
        foreach (var line in displaced) output.WriteLine(line);
        Assert.True(displaced.Count == 0, $"{displaced.Count} damaged versions displaced a good one:\n{string.Join('\n', displaced)}");
    }

    /// <summary>A reason that is a .NET exception's name and message rather than ours.</summary>
    [GeneratedRegex(@"^\w+(\.\w+)*Exception\b|System\.\w+")]
    private static partial Regex UnclearReason();
}

public sealed class SqliteHostileCorpusIngestTests(SqliteHostileCorpusRun run, ITestOutputHelper output)
    : HostileCorpusIngestTests(run, output), IClassFixture<SqliteHostileCorpusRun>;

public sealed class PostgresHostileCorpusIngestTests(PostgresHostileCorpusRun run, ITestOutputHelper output)
    : HostileCorpusIngestTests(run, output), IClassFixture<PostgresHostileCorpusRun>;
