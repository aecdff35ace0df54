namespace Pipeline.Samples.Pdf;

/// <summary>A block of a simple document: a heading, a paragraph, or a table (rows of cells).</summary>
public abstract record DocumentBlock;

public sealed record HeadingBlock(string Text, int Level) : DocumentBlock;

public sealed record ParagraphBlock(string Text) : DocumentBlock;

public sealed record TableBlock(IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>How a document is laid out on paper: the variations real chamber PDFs show.</summary>
public sealed record PdfStyle
{
    public string Font { get; init; } = "Helvetica";
    public double FontSize { get; init; } = 9;
    public bool Landscape { get; init; }
    public bool Borders { get; init; } = true;
    /// <summary>Repeated at the top of every page ("Piano della Performance 2021-2023").</summary>
    public string? RunningHeader { get; init; }
    /// <summary>Adds "Pagina N di M" at the bottom of every page.</summary>
    public bool PageNumbers { get; init; }
    /// <summary>Fraction of the text width tables may use (0.6 = narrow columns that wrap more).</summary>
    public double TableWidth { get; init; } = 1.0;
    public double Margin { get; init; } = 50;

    public static readonly string[] Fonts = ["Helvetica", "Times-Roman", "Courier"];
}
