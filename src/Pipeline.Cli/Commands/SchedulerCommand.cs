using System.CommandLine;
using Pipeline.Jobs.Runs;
using Pipeline.Jobs.Scheduling;

namespace Pipeline.Cli.Commands;

public static class SchedulerCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var node = new Option<string?>("--node") { Description = "this node's id in the cluster (default: host name and process id)" };
        var threads = new Option<int>("--threads") { Description = "jobs (chambers) this node runs at once (default: the processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var grace = new Option<int>("--stop-grace") { Description = "seconds a stopping node lets running jobs finish before cancelling them", DefaultValueFactory = _ => 120 };
        var checkin = new Option<int>("--checkin") { Description = "seconds between a clustered node's check-ins (a node silent for twice as long is taken for dead)", DefaultValueFactory = _ => 15 };
        var idle = new Option<int>("--idle-wait") { Description = "seconds an idle node waits before looking for triggers again", DefaultValueFactory = _ => 10 };
        var command = new Command("scheduler",
            "run a scheduler node: the jobs of jobs/*.json for the chambers of config/chambers.json, on the warehouse's job store (clustered on PostgreSQL); stop with Ctrl-C or SIGTERM")
        {
            node, threads, grace, checkin, idle,
        };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var (definitions, chambers) = JobsCommand.Load(cli);
            if (definitions.Count == 0) throw new UsageException($"{JobsCommand.JobsDirectory(cli)}: no job definition (*.json); see docs/operations.md");
            var settings = new SchedulerSettings(parse.GetValue(node) is { Length: > 0 } id ? id : PipelineScheduler.DefaultNodeId())
            {
                Threads = Math.Max(1, parse.GetValue(threads)),
                CheckinInterval = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(checkin))),
                CheckinMisfireThreshold = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(checkin))),
                IdleWait = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(idle))),
            };
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var services = new SchedulerServices(cli.Dialect, cli.ConfigDirectory, settings.NodeId, cli.Logger, TimeProvider.System, http);
            var host = new SchedulerHost(services, settings, definitions, chambers)
            {
                StopGrace = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(grace))),
                Started = sync => Console.Out.WriteLine(
                    $"scheduler node {settings.NodeId} started on {cli.Dialect.Describe()}: {sync.Jobs} jobs " +
                    $"({sync.Added} added, {sync.Rescheduled} rescheduled, {sync.Unchanged} unchanged, {sync.Removed.Count} removed)"),
            };
            await host.RunAsync(token);
            Console.Out.WriteLine($"scheduler node {settings.NodeId} stopped");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
