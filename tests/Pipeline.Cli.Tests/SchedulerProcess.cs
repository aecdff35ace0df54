using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Cli.Tests;

/// <summary>A <c>pipeline scheduler</c> node as a child process of the tests, started in the runner's working folder.</summary>
public sealed class SchedulerProcess : IDisposable
{
    private readonly Process _process;

    private SchedulerProcess(string id, Process process)
    {
        Id = id;
        _process = process;
    }

    public string Id { get; }
    public ConcurrentQueue<string> Output { get; } = new();
    public bool HasExited => _process.HasExited;

    /// <summary>Starts a node with short timings (1 s check-in and idle wait, unless the options say otherwise) and returns once it says it started.</summary>
    public static async Task<SchedulerProcess> StartAsync(CliRunner cli, string warehouse, string id, params string[] options)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = cli.WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var timings = options.Contains("--checkin") ? [] : new[] { "--checkin", "1" };
        foreach (var arg in new[] { CliRunner.CliDll, "scheduler", "--node", id, "--idle-wait", "1", "--warehouse", warehouse }.Concat(timings).Concat(options))
            info.ArgumentList.Add(arg);
        info.Environment["PIPELINE_LOG_DIR"] = cli.PathOf("logs-" + id);
        info.Environment.Remove("PIPELINE_WAREHOUSE");
        var node = new SchedulerProcess(id, new Process { StartInfo = info });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            node.Output.Enqueue(e.Data);
            if (e.Data.Contains($"scheduler node {id} started", StringComparison.Ordinal)) started.TrySetResult();
        };
        node._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) node.Output.Enqueue("stderr: " + e.Data);
        };
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        await Task.WhenAny(started.Task, node._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (!started.Task.IsCompleted)
        {
            node.Dispose();
            Assert.Fail($"node {id} did not start:\n" + string.Join("\n", node.Output));
        }
        return node;
    }

    /// <summary>SIGKILL: the node dies at once, as on a crash or a lost machine.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP or SIGCONT: the node freezes (a long pause, a frozen VM) with its connections open, or resumes.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or docker would: the node stops cleanly (exit 0) and says so.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        Assert.True(_process.ExitCode == 0, $"exit {_process.ExitCode}\n" + string.Join("\n", Output));
        Assert.Contains(Output, line => line.Contains($"scheduler node {Id} stopped", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
