using System.Diagnostics;
using Pipeline.Corpus.Tests.Variants;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>One measured case: a seed printed in a style, or one of its generated layouts; the PDF and the ground
/// truth it is scored against.</summary>
public sealed record RenderingCase(string Seed, string Rendering, RenderJob Job, string GroundTruth)
{
    public string Id => $"{Seed}/{Rendering}";
    public string Pdf => Job.Pdf;
}

/// <summary>Every case, built from ../shared at test time (nothing of the seeds is in the repository), and printed
/// once per test run: cached PDFs are reused, missing ones rendered in parallel.</summary>
public static class RenderingCorpus
{
    public static readonly IReadOnlyList<string> Seeds = ["000", "001", "002", "003", "004"];

    /// <summary>Case ids, known without the shared folder (for test discovery).</summary>
    public static IEnumerable<(string Seed, string Rendering)> Ids =>
        Seeds.SelectMany(s => RenderStyle.SeedStyles.Select(st => (s, st.Name)))
            .Concat(Seeds.SelectMany(s => GeneratedLayouts.Names.Select(l => (s, l))));

    private static readonly Lazy<IReadOnlyDictionary<string, RenderingCase>> Built = new(Build);
    private static readonly Lazy<Task<string>> Rendered = new(RenderAllAsync);

    /// <summary>The case, its PDF rendered (the first call renders every missing PDF of the corpus).</summary>
    public static async Task<RenderingCase> GetAsync(string seed, string rendering)
    {
        await Rendered.Value;
        return Built.Value[$"{seed}/{rendering}"];
    }

    /// <summary>"rendered N of M PDFs in S s" for the summary.</summary>
    public static Task<string> TimingAsync() => Rendered.Value;

    private static async Task<string> RenderAllAsync()
    {
        _ = RenderTools.Chromium;
        _ = RenderTools.Soffice;
        var clock = Stopwatch.StartNew();
        var jobs = Built.Value.Values.Select(c => c.Job).ToList();
        var printed = await Renderer.RenderAsync(jobs);
        var current = jobs.Select(j => Path.GetFileName(j.Pdf)).ToHashSet();
        foreach (var stale in Directory.GetFiles(RenderCache.Folder, "*.pdf").Where(f => !current.Contains(Path.GetFileName(f)))) File.Delete(stale);
        return $"rendered {printed} of {jobs.Count} PDFs in {clock.Elapsed.TotalSeconds:0.0} s ({(printed == 0 ? "warm: all cached" : printed == jobs.Count ? "cold" : "partly cached")})";
    }

    private static IReadOnlyDictionary<string, RenderingCase> Build()
    {
        var cases = new List<RenderingCase>();
        foreach (var seed in Seeds)
        {
            var file = Directory.GetFiles(SharedFolder.File("seeds"), seed + "_*.txt").Single();
            var blocks = SeedDocument.Parse(File.ReadAllText(file));
            var gt = ScoredGroundTruth.PathFor(seed);
            foreach (var style in RenderStyle.SeedStyles)
            {
                var input = style.Tool == RenderTool.Chromium ? HtmlWriter.Write(blocks, style, Path.GetFileName(file)) : FodtWriter.Write(blocks, style);
                cases.Add(new(seed, style.Name, new RenderJob($"{seed}-{style.Name}", style, input), gt));
            }
        }
        foreach (var seed in Seeds)
        {
            var truth = ScoredGroundTruth.ForSeed(seed);
            foreach (var name in GeneratedLayouts.Names)
            {
                var layout = GeneratedLayouts.Build(name, truth);
                var input = layout.Style.Tool == RenderTool.Chromium ? HtmlWriter.Write(layout.Blocks, layout.Style, $"{seed} {name}") : FodtWriter.Write(layout.Blocks, layout.Style);
                cases.Add(new(seed, name, new RenderJob($"{seed}-{name}", layout.Style, input), truth.WriteFor(layout.Printed, $"{seed}-{name}")));
            }
        }
        return cases.ToDictionary(c => c.Id);
    }
}
