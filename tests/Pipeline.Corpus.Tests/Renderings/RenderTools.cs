using System.Diagnostics;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>The two real tools the renderings are printed with, found on PATH; a missing one fails every rendering
/// test with one message saying what to install (the suite never skips them).</summary>
public static class RenderTools
{
    public const string InstallHint = "apt-get install --no-install-recommends chromium libreoffice-writer fonts-liberation fonts-dejavu-core";

    private static readonly Lazy<(string? Chromium, string? Soffice)> Found = new(() => (Which("chromium", "chromium-browser"), Which("soffice", "libreoffice")));

    public static string Chromium => Found.Value.Chromium ?? throw Missing("chromium");

    public static string Soffice => Found.Value.Soffice ?? throw Missing("LibreOffice (soffice)");

    private static InvalidOperationException Missing(string tool) => new(
        $"The corpus renderings need {tool} and it is not on PATH: install it ({InstallHint}); .ci/run does this in CI.");

    private static string? Which(params string[] names)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return names.SelectMany(n => path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs a tool to completion (killed after <paramref name="timeout"/>); throws with its output when it fails.</summary>
    public static async Task RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0}s: {string.Join(' ', args)}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}\n{await stdout}");
    }
}
