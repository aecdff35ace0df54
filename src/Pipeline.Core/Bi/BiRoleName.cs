using System.Text.RegularExpressions;

namespace Pipeline.Core.Bi;

/// <summary>
/// The name of a PostgreSQL role that <c>pipeline bi grant</c> creates: an unquoted lower-case identifier
/// (letters, digits, underscore; not starting with a digit; at most 63 bytes), not a reserved <c>pg_</c> name,
/// so the role is written the same way in Power BI's connection dialog as in the database.
/// </summary>
public static partial class BiRoleName
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Shape();

    /// <summary>Null when <paramref name="name"/> is usable, else the reason it is not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "the role name is empty";
        if (!Shape().IsMatch(name))
            return $"'{name}' is not a plain role name: use lower-case letters, digits and '_' (at most 63, not starting with a digit)";
        if (name.StartsWith("pg_", StringComparison.Ordinal)) return $"'{name}' starts with pg_, which PostgreSQL reserves";
        if (name is "public" or "postgres") return $"'{name}' is a built-in role";
        return null;
    }
}
