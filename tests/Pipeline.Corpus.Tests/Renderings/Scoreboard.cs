using System.Collections.Concurrent;
using System.Text;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>Collects every case's figures during a run and writes one table (.renderings/scores.md) at the end.</summary>
public sealed class Scoreboard : IDisposable
{
    private readonly ConcurrentDictionary<string, (Figures Figures, string Note)> _rows = new();

    public void Add(string id, Figures figures, string note) => _rows[id] = (figures, note);

    public void Dispose()
    {
        if (_rows.IsEmpty) return;
        var table = new StringBuilder();
        table.AppendLine($"# Rendering scores ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)").AppendLine();
        table.AppendLine(RenderingCorpus.TimingAsync().IsCompletedSuccessfully ? RenderingCorpus.TimingAsync().Result : "(not rendered)").AppendLine();
        table.AppendLine("| seed | rendering | KPI F1 | targets | actuals | oracle /39 | extraction |");
        table.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (id, (f, note)) in _rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var parts = id.Split('/');
            table.AppendLine($"| {parts[0]} | {parts[1]} | {f.F1:0.0} | {f.Targets:0.0} | {(f.Actuals is { } a ? a.ToString("0.0") : "")} | {f.Oracle?.ToString() ?? ""} | {note} |");
        }
        File.WriteAllText(Path.Combine(RenderCache.Folder, "scores.md"), table.ToString());
    }
}
