using Microsoft.AspNetCore.Identity;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;
using Pipeline.Warehouse.Users;

namespace Pipeline.Web.Access;

/// <summary>
/// Local accounts (<c>pipeline users</c>, the sign-in form): passwords hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a salt of its own per hash), kept in <c>web_user</c>.
/// </summary>
public sealed class LocalAccounts(SqlDialect dialect)
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<WebUser> Hasher = new();
    private readonly WebUserStore _store = new(dialect);

    public WebUserStore Store => _store;

    /// <summary>Adds or replaces the account; true when added. A chamber user needs a chamber; admin and region have none.</summary>
    /// <exception cref="ArgumentException">The name, chambers or password do not fit (the message says which).</exception>
    public async Task<bool> SaveAsync(string name, WebRole role, IReadOnlyList<string> chambers, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 || name.Any(char.IsControl))
            throw new ArgumentException("a user name is 1 to 100 characters, no control characters");
        if (role == WebRole.Chamber && chambers.Count == 0) throw new ArgumentException("a chamber user needs --chamber CODE (one or more)");
        if (role != WebRole.Chamber && chambers.Count > 0) throw new ArgumentException($"a {role.Name()} user sees every chamber: --chamber is for chamber users");
        if (password is not null && password.Length < MinimumPasswordLength)
            throw new ArgumentException($"the password is shorter than {MinimumPasswordLength} characters");
        var user = new WebUser(name.Trim(), role, chambers, null);
        return await _store.SaveAsync(user with { PasswordHash = password is null ? null : Hasher.HashPassword(user, password) }, ct);
    }

    /// <summary>The account when the password is its own; null otherwise (unknown name, no password, wrong password).</summary>
    public async Task<WebUser?> VerifyAsync(string name, string password, CancellationToken ct = default)
    {
        var user = await _store.FindAsync(name.Trim(), ct);
        if (user?.PasswordHash is not { } hash) return null;
        return Hasher.VerifyHashedPassword(user, hash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>A password for an account made by a program (the demo's): 18 random characters, printed once, never stored in clear.</summary>
    public static string GeneratePassword() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 18);
}
