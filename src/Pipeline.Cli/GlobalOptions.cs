using Pipeline.Core.Configuration;
using System.CommandLine;
using Pipeline.Extraction;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Pipeline.Cli;

/// <summary>Options every command takes, and the shared way a command runs (logging, errors → exit codes).</summary>
public sealed class GlobalOptions
{
    public Option<string?> Warehouse { get; } = new("--warehouse")
    {
        Description = "warehouse connection string or SQLite file (default: $PIPELINE_WAREHOUSE, else 'Data Source=./data/warehouse.db'; 'Host=…' selects PostgreSQL)",
        Recursive = true,
    };

    public Option<string> Config { get; } = new("--config")
    {
        Description = "configuration folder",
        DefaultValueFactory = _ => "./config",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "only errors on stderr", Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "detailed logs on stderr", Recursive = true };

    public void AddTo(RootCommand root)
    {
        root.Add(Warehouse);
        root.Add(Config);
        root.Add(Quiet);
        root.Add(Verbose);
    }

    /// <summary>Runs a command body: exit 2 on usage/configuration errors, 1 on a failed input, the body's code otherwise.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<CliContext, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var quiet = parse.GetValue(Quiet);
        var verbose = parse.GetValue(Verbose);
        using var logger = CreateLogger(quiet, verbose);
        Log.Logger = logger;
        try
        {
            var warehouse = parse.GetValue(Warehouse) is { Length: > 0 } given ? given
                : Environment.GetEnvironmentVariable("PIPELINE_WAREHOUSE") is { Length: > 0 } env ? env
                : CliContext.DefaultWarehouse;
            var mode = new ConsoleMode(
                RichOutput: !Console.IsOutputRedirected,
                RichProgress: !Console.IsErrorRedirected && !quiet,
                Quiet: quiet);
            var context = new CliContext(warehouse, parse.GetValue(Config) ?? "./config", logger, mode);
            return await body(context, ct);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (ConfigException ex)
        {
            // every configuration reader throws this one type: one line naming file, setting and fault; exit 2
            logger.Debug(ex, "configuration error");
            Console.Error.WriteLine($"error: {ex.Message.Split('\n')[0]}");
            return ExitCodes.Usage;
        }
        catch (ExtractionException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InputFailed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return ExitCodes.InputFailed;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.Debug(ex, "warehouse failure");
            Console.Error.WriteLine($"error: warehouse {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            return ExitCodes.InputFailed;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            logger.Debug(ex, "command failed");
            Console.Error.WriteLine($"error: {ex.Message.Split('\n')[0]}");
            return ExitCodes.InputFailed;
        }
    }

    private static Serilog.Core.Logger CreateLogger(bool quiet, bool verbose)
    {
        var consoleLevel = quiet ? LogEventLevel.Error : verbose ? LogEventLevel.Debug : LogEventLevel.Warning;
        var logDirectory = Environment.GetEnvironmentVariable("PIPELINE_LOG_DIR") is { Length: > 0 } dir ? dir : Path.Combine("data", "logs");
        return new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .Enrich.With<Output.OneLineProperties>()
            .WriteTo.Console(
                restrictedToMinimumLevel: consoleLevel,
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "{Level:u3} {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(logDirectory, "pipeline-.json"),
                restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : LogEventLevel.Information,
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30, shared: true)
            .CreateLogger();
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int InputFailed = 1;
    public const int Usage = 2;
}
