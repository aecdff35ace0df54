using System.Text;
using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;

namespace Pipeline.Extraction.Tests.Feeds;

/// <summary>Feed files written into a temporary directory (deleted on dispose), in a chosen encoding, and read back.</summary>
public sealed class FeedFiles : IDisposable
{
    public const string Salt = "test-salt";

    public const string PracticeHeader = "Protocollo;Data protocollo;Data evasione;Stato;Adempimento;Giorni sospensione;Ufficio;Camera";

    public const string CompanyHeader =
        "Provincia;Numero REA;Codice fiscale;Denominazione;Natura giuridica;Stato impresa;Data iscrizione;Data cessazione;" +
        "Codice ATECO;Sezione speciale;Data iscrizione sezione;Cassetto digitale;Data attivazione cassetto";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-feeds-");

    static FeedFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Writes the lines joined by CR LF (and a final one) in "utf-8", "utf-8-bom" or "windows-1252".</summary>
    public string Write(string name, string encoding, params string[] lines) =>
        WriteText(name, string.Concat(lines.Select(l => l + "\r\n")), encoding);

    public string WriteText(string name, string text, string encoding = "utf-8")
    {
        byte[] bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "windows-1252" => Encoding.GetEncoding(1252).GetBytes(text),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        return WriteBytes(name, bytes);
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string DirectoryPath => _dir.FullName;

    public static FeedReader Open(string path, string salt = Salt) => FeedReader.Open(path, FeedHeaderConfig.Default, salt);

    public static Read<PracticeRow> Practices(string path)
    {
        using var reader = Open(path);
        var errors = new List<FeedRowError>();
        var rows = reader.Practices(errors.Add).ToList();
        return new Read<PracticeRow>(rows, errors, reader.RowsRead, reader.RowsQuarantined);
    }

    public static Read<CompanyRow> Companies(string path, string salt = Salt)
    {
        using var reader = Open(path, salt);
        var errors = new List<FeedRowError>();
        var rows = reader.Companies(errors.Add).ToList();
        return new Read<CompanyRow>(rows, errors, reader.RowsRead, reader.RowsQuarantined);
    }

    /// <summary>What a whole read gave; checks rows in = rows yielded + rows quarantined.</summary>
    public sealed record Read<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<FeedRowError> Errors, long RowsRead, long RowsQuarantined)
    {
        public Read<TRow> Balanced()
        {
            Assert.Equal(Errors.Count, RowsQuarantined);
            Assert.Equal(RowsRead, Rows.Count + Errors.Count);
            return this;
        }

        public FeedRowError SingleError()
        {
            Balanced();
            Assert.Empty(Rows);
            return Assert.Single(Errors);
        }
    }
}
