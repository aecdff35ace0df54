namespace Pipeline.Core.Model;

/// <summary>Levels of the performance tree, from the broadest to the most specific.</summary>
public enum ObjectiveLevel
{
    Area,
    Strategic,
    Programme,
    Operational,
    Action,
    Individual,
}

public static class ObjectiveLevels
{
    public static string ToCode(this ObjectiveLevel level) => level switch
    {
        ObjectiveLevel.Area => "area",
        ObjectiveLevel.Strategic => "strategic",
        ObjectiveLevel.Programme => "programme",
        ObjectiveLevel.Operational => "operational",
        ObjectiveLevel.Action => "action",
        ObjectiveLevel.Individual => "individual",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static ObjectiveLevel Parse(string code) => TryParse(code, out var level)
        ? level
        : throw new FormatException($"unknown objective level '{code}' (expected area, strategic, programme, operational, action or individual)");

    public static bool TryParse(string? code, out ObjectiveLevel level)
    {
        foreach (var candidate in Enum.GetValues<ObjectiveLevel>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }
        level = default;
        return false;
    }
}
