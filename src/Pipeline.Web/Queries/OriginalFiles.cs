using System.Security.Cryptography;
using Dapper;
using Pipeline.Core.Access;
using Pipeline.Warehouse.Archive;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Web.Queries;

/// <summary>An original file as loaded: the name to download it under, its media type, its bytes (the caller disposes the stream).</summary>
public sealed record OriginalFile(string FileName, string MediaType, Stream Content);

/// <summary>
/// <c>/archive/{sha256}</c> and the source page's workbook grid: the original bytes of a document from the source
/// archive (<see cref="SourceArchive"/>), for a user whose scope holds a chamber that loaded them (403 otherwise,
/// 404 for bytes never loaded). A warehouse loaded before the archive existed still serves a file whose path holds
/// the same bytes (checked by SHA-256).
/// </summary>
public sealed class OriginalFiles(SqlDialect dialect, WebSettings settings)
{
    private readonly SourceArchive _archive = SourceArchive.For(dialect, ArchiveSettings.FromDirectory(settings.ConfigDirectory));

    /// <exception cref="OutOfScopeException">No chamber that loaded these bytes is in <paramref name="scope"/>.</exception>
    public async Task<OriginalFile?> OpenAsync(ChamberScope scope, string sha256, CancellationToken ct = default)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        sha256 = sha256.ToLowerInvariant();
        IReadOnlyList<(string Chamber, string FileName, string FilePath, string Sha256)> documents;
        await using (var connection = await dialect.OpenAsync(ct))
            documents = (await connection.QueryAsync<(string, string, string, string)>(new CommandDefinition(
                """
                SELECT c.code, d.file_name, d.file_path, d.sha256 FROM dim_document d JOIN dim_chamber c ON c.chamber_id = d.chamber_id
                WHERE d.sha256 = @sha256 OR d.source_sha256 = @sha256 ORDER BY d.document_id
                """, new { sha256 }, cancellationToken: ct))).ToList();
        if (documents.Count == 0) return null;
        var allowed = documents.Where(d => scope.Allows(d.Chamber)).ToList();
        if (allowed.Count == 0) throw new OutOfScopeException(documents[0].Chamber);
        if (await _archive.FindAsync(sha256, ct) is { } entry && await _archive.OpenReadAsync(sha256, ct) is { } archived)
            return new OriginalFile(entry.FileName, entry.MediaType, archived);
        foreach (var document in allowed.Where(d => d.Sha256 == sha256 && File.Exists(d.FilePath)))
        {
            var bytes = await File.ReadAllBytesAsync(document.FilePath, ct);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256)
                return new OriginalFile(document.FileName, ArchiveMediaTypes.Of(document.FileName), new MemoryStream(bytes, writable: false));
        }
        return null;
    }

    /// <summary>The bytes of <see cref="OpenAsync"/>, in memory (a workbook to read again).</summary>
    public async Task<byte[]?> ReadAllAsync(ChamberScope scope, string sha256, CancellationToken ct = default)
    {
        if (await OpenAsync(scope, sha256, ct) is not { } file) return null;
        await using var content = file.Content;
        using var memory = new MemoryStream();
        await content.CopyToAsync(memory, ct);
        return memory.ToArray();
    }
}
