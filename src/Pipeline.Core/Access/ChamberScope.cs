namespace Pipeline.Core.Access;

/// <summary>
/// The chambers a user may see, passed into every query of the web app (docs/web.md "Roles"): every chamber for
/// a region user or an administrator, the listed codes for a chamber user. A chamber user without a chamber sees
/// nothing. Codes compare case-insensitively.
/// </summary>
public sealed class ChamberScope
{
    private readonly HashSet<string>? _codes;

    private ChamberScope(HashSet<string>? codes) => _codes = codes;

    /// <summary>Every chamber.</summary>
    public static ChamberScope All { get; } = new(null);

    /// <summary>These chambers only.</summary>
    public static ChamberScope Only(IEnumerable<string> codes) =>
        new(new HashSet<string>(codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()), StringComparer.OrdinalIgnoreCase));

    /// <summary>The scope of a role: every chamber for admin and region, <paramref name="chambers"/> for chamber.</summary>
    public static ChamberScope For(WebRole role, IEnumerable<string> chambers) => role == WebRole.Chamber ? Only(chambers) : All;

    public bool IsAll => _codes is null;

    /// <summary>The codes of a limited scope (empty for <see cref="All"/>), sorted.</summary>
    public IReadOnlyList<string> Codes => _codes is null ? [] : _codes.Order(StringComparer.Ordinal).ToList();

    public bool Allows(string? chamberCode) => _codes is null || (chamberCode is not null && _codes.Contains(chamberCode.Trim()));

    /// <summary>Nothing to do when the scope allows the chamber; else <see cref="OutOfScopeException"/> (a 403 in the web app).</summary>
    public void Require(string? chamberCode)
    {
        if (!Allows(chamberCode)) throw new OutOfScopeException(chamberCode);
    }

    /// <summary>The items whose chamber the scope allows.</summary>
    public IReadOnlyList<T> Filter<T>(IEnumerable<T> items, Func<T, string?> chamberOf) => items.Where(i => Allows(chamberOf(i))).ToList();

    public override string ToString() => _codes is null ? "*" : string.Join("|", Codes);
}

/// <summary>A chamber's data asked for by a user whose scope does not include it.</summary>
public sealed class OutOfScopeException(string? chamberCode) : Exception($"chamber {chamberCode ?? "(none)"} is outside the user's scope")
{
    public string? ChamberCode { get; } = chamberCode;
}
