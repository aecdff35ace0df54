using System.CommandLine;
using Pipeline.Cli;
using Pipeline.Cli.Commands;

var globals = new GlobalOptions();
var root = new RootCommand("Pipeline: ETL and warehouse for the performance cycle of Italian chambers of commerce");
globals.AddTo(root);
root.Add(InitCommand.Create(globals));
root.Add(ExtractCommand.Create(globals));
root.Add(IngestCommand.Create(globals));
root.Add(KpisCommand.Create(globals));
root.Add(TraceCommand.Create(globals));
root.Add(DemoCommand.Create(globals));
root.Add(SamplesCommand.Create(globals));
root.Add(BenchCommand.Create(globals));
root.Add(FeedsCommand.Create(globals));
root.Add(AchievementsCommand.Create(globals));
root.Add(ConformCommand.Create(globals));
root.Add(AlertsCommand.Create(globals));
root.Add(RunCommand.Create(globals));
root.Add(SchedulerCommand.Create(globals));
root.Add(JobsCommand.Create(globals));
root.Add(ReviewCommand.Create(globals));
root.Add(ServeCommand.Create(globals));
root.Add(UsersCommand.Create(globals));
root.Add(ArchiveCommand.Create(globals));
root.Add(BiCommand.Create(globals));
root.Add(ExportCommand.Create(globals));

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {Pipeline.Cli.Output.UsageErrorText.Of(error.Message)}");
    Console.Error.WriteLine("Run 'pipeline --help' for usage.");
    return ExitCodes.Usage;
}
using var cancel = new CancellationTokenSource();
// a signal's handler runs on a thread of its own and may come while the process is exiting: nothing is left to stop then
void Stop()
{
    try
    {
        cancel.Cancel();
    }
    catch (ObjectDisposedException)
    {
    }
}
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Stop();
};
// SIGTERM (systemd, docker stop, kill) stops as Ctrl-C does: the scheduler lets its jobs finish or marks them interrupted
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    Stop();
});
return await parse.InvokeAsync(cancellationToken: cancel.Token);
