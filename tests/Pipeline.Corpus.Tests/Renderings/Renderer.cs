namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>Prints the jobs whose PDF is not in the cache yet: Chromium one process per file, LibreOffice one batch
/// call per style (each with a private profile), at most two tool processes at a time.</summary>
public static class Renderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Renders what is missing; returns how many PDFs were printed.</summary>
    public static async Task<int> RenderAsync(IReadOnlyList<RenderJob> jobs)
    {
        var missing = jobs.Where(j => !File.Exists(j.Pdf)).DistinctBy(j => j.Pdf).ToList();
        if (missing.Count == 0) return 0;
        var work = Directory.CreateTempSubdirectory("pipeline-renderings-");
        try
        {
            using var gate = new SemaphoreSlim(2);
            async Task Gated(Func<Task> run)
            {
                await gate.WaitAsync();
                try { await run(); } finally { gate.Release(); }
            }
            var tasks = missing.Where(j => j.Style.Tool == RenderTool.LibreOffice).GroupBy(j => j.Style)
                .Select(batch => Gated(() => SofficeAsync(batch.ToList(), work.FullName)))
                .Concat(missing.Where(j => j.Style.Tool == RenderTool.Chromium).Select(job => Gated(() => ChromiumAsync(job, work.FullName))))
                .ToList();
            await Task.WhenAll(tasks);
            return missing.Count;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task ChromiumAsync(RenderJob job, string work)
    {
        var input = Path.Combine(work, $"{job.Case}-{job.Key}.html");
        var output = input + ".pdf";
        await File.WriteAllTextAsync(input, job.Input);
        var args = new List<string> { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={input}.profile", $"--print-to-pdf={output}" };
        if (job.Style.Header != RunningHeader.BrowserHeader) args.Add("--no-pdf-header-footer");
        args.Add(new Uri(input).AbsoluteUri);
        await RenderTools.RunAsync(RenderTools.Chromium, args, Timeout);
        Publish(output, job.Pdf);
    }

    private static async Task SofficeAsync(IReadOnlyList<RenderJob> batch, string work)
    {
        var dir = Directory.CreateDirectory(Path.Combine(work, batch[0].Key)).FullName;
        var inputs = new List<string>();
        foreach (var job in batch)
        {
            var input = Path.Combine(dir, $"{job.Case}-{job.Key}.fodt");
            await File.WriteAllTextAsync(input, job.Input);
            inputs.Add(input);
        }
        var profile = new Uri(Path.Combine(dir, "profile")).AbsoluteUri;
        await RenderTools.RunAsync(RenderTools.Soffice,
            [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", Path.Combine(dir, "out"), .. inputs], Timeout);
        foreach (var job in batch) Publish(Path.Combine(dir, "out", $"{job.Case}-{job.Key}.pdf"), job.Pdf);
    }

    private static void Publish(string output, string cached)
    {
        if (!File.Exists(output) || new FileInfo(output).Length == 0) throw new InvalidOperationException($"the tool wrote no PDF for {Path.GetFileName(cached)}");
        File.Move(output, cached, overwrite: true);
    }
}
