using Dapper;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Users;

/// <summary>A local account of the web app: its role, the chambers a chamber user sees, the password's hash (null: no password sign-in).</summary>
public sealed record WebUser(string Name, WebRole Role, IReadOnlyList<string> Chambers, string? PasswordHash)
{
    public ChamberScope Scope => ChamberScope.For(Role, Chambers);
}

/// <summary>
/// The <c>web_user</c> table (sql/*/0015_web_users.sql): <c>pipeline users add|list|remove</c> and the web app's
/// password sign-in. Hashing is the caller's (ASP.NET Core Identity's PasswordHasher in Pipeline.Web): this store
/// keeps the hash and never sees a password.
/// </summary>
public sealed class WebUserStore(SqlDialect dialect, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Adds the account, or replaces the role, chambers and hash of an existing one of the same name; true when added.</summary>
    public async Task<bool> SaveAsync(WebUser user, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        var now = dialect.Timestamp(_clock.GetUtcNow());
        var existed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM web_user WHERE name = @Name", new { user.Name }, cancellationToken: ct)) > 0;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO web_user (name, role, chambers, password_hash, created_at, updated_at)
            VALUES (@name, @role, @chambers, @hash, @now, @now)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, chambers = excluded.chambers,
                password_hash = excluded.password_hash, updated_at = excluded.updated_at
            """,
            new { name = user.Name, role = user.Role.Name(), chambers = string.Join("|", user.Chambers), hash = user.PasswordHash, now },
            cancellationToken: ct));
        return !existed;
    }

    public async Task<WebUser?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT name AS Name, role AS Role, chambers AS Chambers, password_hash AS PasswordHash FROM web_user WHERE name = @name",
            new { name }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT name AS Name, role AS Role, chambers AS Chambers, password_hash AS PasswordHash FROM web_user ORDER BY name",
            cancellationToken: ct));
        return rows.Select(r => r.ToUser()).ToList();
    }

    /// <summary>Removes the account; false when there was none of that name.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM web_user WHERE name = @name", new { name }, cancellationToken: ct)) > 0;
    }

    private sealed class Row
    {
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string Chambers { get; init; } = "";
        public string? PasswordHash { get; init; }

        public WebUser ToUser() =>
            new(Name, WebRoles.TryParse(Role, out var role) ? role : WebRole.Chamber,
                Chambers.Split('|', StringSplitOptions.RemoveEmptyEntries), PasswordHash);
    }
}
