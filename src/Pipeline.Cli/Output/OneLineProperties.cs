using Pipeline.Core.Text;
using Serilog.Core;
using Serilog.Events;

namespace Pipeline.Cli.Output;

/// <summary>
/// Keeps each log event on one line: a text property holding a control character (a file named with a line break, a
/// reason quoting a damaged file's bytes) is written with it escaped (<see cref="PrintableText.OneLine"/>).
/// </summary>
public sealed class OneLineProperties : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
            if (value is ScalarValue { Value: string text } && PrintableText.OneLine(text) is var line && !ReferenceEquals(line, text))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(line)));
    }
}
