using System.Security.Cryptography;
using Dapper;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Web.Queries;

/// <summary>An original file as loaded: its name and format (for the download), and its bytes.</summary>
public sealed record OriginalFile(string FileName, string Format, byte[] Bytes)
{
    public string ContentType => Format switch
    {
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls" => "application/vnd.ms-excel",
        "csv" => "text/csv",
        "json" => "application/json",
        _ => "application/octet-stream",
    };
}

/// <summary>
/// <c>/archive/{sha256}</c> and the source page's workbook grid: the original bytes of a document, for a user whose
/// scope holds a chamber that loaded them (403 otherwise, 404 for bytes never loaded).
/// </summary>
public sealed class OriginalFiles(SqlDialect dialect)
{
    /// <exception cref="OutOfScopeException">No chamber that loaded these bytes is in <paramref name="scope"/>.</exception>
    public async Task<OriginalFile?> ReadAsync(ChamberScope scope, string sha256, CancellationToken ct = default)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        sha256 = sha256.ToLowerInvariant();
        await using var connection = await dialect.OpenAsync(ct);
        var documents = (await connection.QueryAsync<(string Chamber, string FileName, string FilePath, string Format, string Sha256)>(new CommandDefinition(
            """
            SELECT c.code, d.file_name, d.file_path, d.format, d.sha256 FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            WHERE d.sha256 = @sha256 OR d.source_sha256 = @sha256 ORDER BY d.document_id
            """, new { sha256 }, cancellationToken: ct))).ToList();
        if (documents.Count == 0) return null;
        var allowed = documents.Where(d => scope.Allows(d.Chamber)).ToList();
        if (allowed.Count == 0) throw new OutOfScopeException(documents[0].Chamber);
        var bytes = await ReadBytesAsync(sha256, allowed.Select(d => d.FilePath), ct);
        var named = allowed.FirstOrDefault(d => d.Sha256 == sha256);
        return bytes is null ? null : new OriginalFile(named.FileName ?? Path.GetFileName(allowed[0].FilePath), named.Format ?? Path.GetExtension(allowed[0].FilePath).TrimStart('.'), bytes);
    }

    /// <summary>The bytes whose SHA-256 is <paramref name="sha256"/>, from the first path that still holds them.</summary>
    private static async Task<byte[]?> ReadBytesAsync(string sha256, IEnumerable<string> paths, CancellationToken ct)
    {
        foreach (var path in paths.Distinct())
        {
            if (!File.Exists(path)) continue;
            var bytes = await File.ReadAllBytesAsync(path, ct);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256) return bytes;
        }
        return null;
    }
}
