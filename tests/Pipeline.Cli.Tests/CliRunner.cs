using System.Diagnostics;

namespace Pipeline.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the real CLI (dotnet Pipeline.Cli.dll) as a child process in a working folder of its own.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        WorkDir = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;
        Warehouse = $"Data Source={Path.Combine(WorkDir, "data", "warehouse.db")}";
    }

    public string WorkDir { get; }
    public string Warehouse { get; set; }

    /// <summary>How long a run may take: past it the child is killed and <see cref="RunAsync"/> throws a <see cref="TimeoutException"/>.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Text written to the child's stdin before it is closed (null: closed at once).</summary>
    public string? Stdin { get; set; }

    /// <summary>Variables set for the child process (e.g. DOTNET_GCHeapHardLimit for a memory ceiling).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public static string CliDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Pipeline.Cli.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Pipeline.Cli.dll is not next to the tests", dll);
        }
    }

    public string PathOf(string relative) => Path.Combine(WorkDir, relative);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (!args.Contains("--warehouse")) { info.ArgumentList.Add("--warehouse"); info.ArgumentList.Add(Warehouse); }
        info.Environment["PIPELINE_LOG_DIR"] = Path.Combine(WorkDir, "logs");
        info.Environment.Remove("PIPELINE_WAREHOUSE");
        foreach (var (name, value) in Environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        if (Stdin is not null) await process.StandardInput.WriteAsync(Stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"pipeline {string.Join(' ', args)} did not finish within {Deadline.TotalSeconds:0} s: killed");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { }
    }
}
