namespace Pipeline.Corpus.Tests.Renderings;

public enum RenderTool { Chromium, LibreOffice }

public enum CellAlign { Top, Middle, Bottom }

public enum TableRules { All, None, Horizontal }

/// <summary>How the browser draws its running header/footer: none, CSS @page margin boxes, or Chromium's own
/// (date, title, URL, "1/7"). LibreOffice styles with a header use the page style's header and footer.</summary>
public enum RunningHeader { None, PageBoxes, BrowserHeader }

/// <summary>One way of printing a document: the tool, the page, the font and the tables' look.</summary>
public sealed record RenderStyle(string Name, RenderTool Tool, bool Landscape, string Font, double Size,
    TableRules Rules, CellAlign Align, RunningHeader Header = RunningHeader.None)
{
    public const string HeaderText = "Camera di Commercio - documento del ciclo della performance";

    public string FontFamily => Font switch
    {
        "serif" => "Liberation Serif",
        "sans" => "Liberation Sans",
        "dejavu-serif" => "DejaVu Serif",
        "dejavu-sans" => "DejaVu Sans",
        _ => Font,
    };

    /// <summary>The styles every seed is rendered in: browser and LibreOffice, portrait and landscape, serif and sans,
    /// 7–11 pt, with and without borders, cells aligned top/middle/bottom, running headers with page numbers.</summary>
    public static readonly IReadOnlyList<RenderStyle> SeedStyles =
    [
        new("chromium-sans-10", RenderTool.Chromium, false, "sans", 10, TableRules.All, CellAlign.Top),
        new("chromium-serif-9-landscape-noborders", RenderTool.Chromium, true, "serif", 9, TableRules.None, CellAlign.Top),
        new("chromium-dejavu-8-middle-pageboxes", RenderTool.Chromium, false, "dejavu-sans", 8, TableRules.All, CellAlign.Middle, RunningHeader.PageBoxes),
        new("chromium-serif-11-rules-bottom-browserheader", RenderTool.Chromium, false, "serif", 11, TableRules.Horizontal, CellAlign.Bottom, RunningHeader.BrowserHeader),
        new("lo-serif-10", RenderTool.LibreOffice, false, "serif", 10, TableRules.All, CellAlign.Top),
        new("lo-sans-9-landscape-middle-header", RenderTool.LibreOffice, true, "sans", 9, TableRules.All, CellAlign.Middle, RunningHeader.PageBoxes),
        new("lo-dejavu-serif-8-bottom", RenderTool.LibreOffice, false, "dejavu-serif", 8, TableRules.All, CellAlign.Bottom),
        new("lo-sans-7-landscape-noborders-middle", RenderTool.LibreOffice, true, "sans", 7, TableRules.None, CellAlign.Middle),
        new("lo-serif-11-rules-top-header", RenderTool.LibreOffice, false, "serif", 11, TableRules.Horizontal, CellAlign.Top, RunningHeader.PageBoxes),
    ];
}
