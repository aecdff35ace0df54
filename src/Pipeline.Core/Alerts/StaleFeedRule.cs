namespace Pipeline.Core.Alerts;

/// <summary>A feed is stale when no file has ever arrived, or the last one arrived <see cref="Days"/> full days ago or more.</summary>
/// <param name="Id">The rule identifier; not blank.</param>
/// <param name="Days">1 or more.</param>
public sealed record StaleFeedRule(string Id, int Days)
{
    /// <summary>The rule identifier; not blank.</summary>
    public string Id { get; init => field = CheckId(value); } = CheckId(Id);

    /// <summary>Full days (24 hours each) after which a feed without new files is stale; 1 or more.</summary>
    public int Days { get; init => field = CheckDays(value); } = CheckDays(Days);

    /// <summary>
    /// True when <paramref name="lastFileAt"/> is null (no file ever), or when
    /// <c>now − lastFileAt ≥ Days × 24 h</c>. A last file in the future of <paramref name="now"/> is not stale.
    /// </summary>
    public bool IsStale(DateTimeOffset? lastFileAt, DateTimeOffset now) =>
        lastFileAt is not { } last || now - last >= TimeSpan.FromDays(Days);

    private static string CheckId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("a stale-feed rule needs an id", nameof(Id)) : id;

    private static int CheckDays(int days) =>
        days >= 1 ? days : throw new ArgumentOutOfRangeException(nameof(Days), days, "a stale-feed rule needs 1 day or more");
}
