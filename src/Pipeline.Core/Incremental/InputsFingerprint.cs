using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Incremental;

/// <summary>
/// What a per-chamber step (achievement, alerts) computed from, as named parts — <c>documents</c>, <c>facts</c>,
/// <c>policy</c>, <c>day</c>… — each kept as a short hash of its value. Stored after the step ran; the next night
/// compares the fingerprint of its inputs with it (<see cref="ChangesSince"/>) and runs the step only when a part
/// differs. Deterministic: the same values give the same text, whatever the order the parts are given in.
/// </summary>
public sealed class InputsFingerprint
{
    private readonly SortedDictionary<string, string> _parts;

    private InputsFingerprint(SortedDictionary<string, string> parts) => _parts = parts;

    /// <summary>The fingerprint of these parts (a name given twice: the last value counts).</summary>
    public static InputsFingerprint Of(IEnumerable<(string Name, string Value)> parts)
    {
        var hashed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parts)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains(';'))
                throw new ArgumentException($"'{name}': a part's name is not empty and has no '=' or ';'", nameof(parts));
            hashed[name] = Hash(value);
        }
        return new InputsFingerprint(hashed);
    }

    /// <summary>The names of the parts and their hashes.</summary>
    public IReadOnlyDictionary<string, string> Parts => _parts;

    /// <summary>The stored form: <c>name=hash;name=hash</c>, names in ordinal order.</summary>
    public override string ToString() => string.Join(';', _parts.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>A stored fingerprint read back; null when there is none or it is not in the stored form (computed then).</summary>
    public static InputsFingerprint? Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in stored.Split(';'))
        {
            var at = item.IndexOf('=');
            if (at <= 0 || at == item.Length - 1 || !parts.TryAdd(item[..at], item[(at + 1)..])) return null;
        }
        return new InputsFingerprint(parts);
    }

    /// <summary>
    /// The parts that differ from <paramref name="previous"/> (changed, added or gone), in ordinal order; empty when
    /// the inputs are unchanged. No previous fingerprint: every part.
    /// </summary>
    public IReadOnlyList<string> ChangesSince(InputsFingerprint? previous)
    {
        if (previous is null) return [.. _parts.Keys];
        return _parts.Keys.Union(previous._parts.Keys, StringComparer.Ordinal)
            .Where(name => _parts.GetValueOrDefault(name) != previous._parts.GetValueOrDefault(name))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What to say of a step against the stored fingerprint: why it runs, or "unchanged".</summary>
    public StepDecision DecideAgainst(string? stored)
    {
        var previous = Parse(stored);
        if (previous is null) return new StepDecision(true, "first computation");
        var changes = ChangesSince(previous);
        return changes.Count == 0 ? new StepDecision(false, "unchanged") : new StepDecision(true, "changed: " + string.Join(", ", changes));
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}

/// <summary>Whether a per-chamber step runs, and why (<c>first computation</c>, <c>changed: day, documents</c>, <c>unchanged</c>).</summary>
public sealed record StepDecision(bool Run, string Reason);
