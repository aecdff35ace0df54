using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Web.BrowserTests.Support;

/// <summary>Where one word of the value was found in pdf.js's text layer: the span's text and the word's rectangle.</summary>
public sealed record TextLayerWord(string Word, string SpanText, Box Box);

/// <summary>
/// What the browser shows of a rendered <c>#pdf-source</c>, in CSS pixels of the window (origin top-left): its state,
/// the highlight's rectangle, every place in the text layer where a word of the value occurs (a DOM Range over the
/// word inside its span, so a span holding more than the value still gives the word's own rectangle), and how many
/// dark pixels the canvas has under the highlight (ink: the page really drawn there).
/// </summary>
public sealed record RenderedSource(string State, string Message, Box? Highlight, IReadOnlyList<TextLayerWord> Words, int Ink)
{
    /// <summary>Waits until the viewer says it is done (rendered or error), then reads it.</summary>
    public static async Task<RenderedSource> ReadAsync(IPage page, IReadOnlyList<string> words)
    {
        await page.WaitForSelectorAsync("#pdf-source[data-state=rendered], #pdf-source[data-state=error]",
            new PageWaitForSelectorOptions { Timeout = 30_000 });
        var result = await page.EvaluateAsync<JsonElement>(Script, words.ToArray());
        var found = result.GetProperty("words").EnumerateArray()
            .Select(w => new TextLayerWord(w.GetProperty("word").GetString()!, w.GetProperty("span").GetString()!, BoxOf(w.GetProperty("box"))))
            .ToList();
        var highlight = result.GetProperty("highlight");
        return new RenderedSource(
            result.GetProperty("state").GetString() ?? "",
            result.GetProperty("message").GetString() ?? "",
            highlight.ValueKind == JsonValueKind.Null ? null : BoxOf(highlight),
            found,
            result.GetProperty("ink").GetInt32());
    }

    private static Box BoxOf(JsonElement a) => new(a[0].GetDouble(), a[1].GetDouble(), a[2].GetDouble(), a[3].GetDouble());

    private const string Script = """
        (words) => {
          const root = document.getElementById('pdf-source');
          const rect = (b) => [b.left, b.top, b.right, b.bottom];
          const found = [];
          for (const span of root.querySelectorAll('.textLayer span')) {
            for (const node of span.childNodes) {
              if (node.nodeType !== Node.TEXT_NODE) continue;
              const text = node.textContent;
              for (const word of words) {
                for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + word.length);
                  found.push({ word, span: text, box: rect(range.getBoundingClientRect()) });
                }
              }
            }
          }
          const mark = root.querySelector('.pdf-source-highlight');
          let ink = 0;
          const canvas = root.querySelector('canvas');
          if (mark && canvas) {
            const c = canvas.getBoundingClientRect(), m = mark.getBoundingClientRect();
            const k = canvas.width / c.width;
            const x = Math.max(0, Math.floor((m.left - c.left) * k)), y = Math.max(0, Math.floor((m.top - c.top) * k));
            const w = Math.min(canvas.width - x, Math.ceil(m.width * k)), h = Math.min(canvas.height - y, Math.ceil(m.height * k));
            if (w > 0 && h > 0) {
              const data = canvas.getContext('2d').getImageData(x, y, w, h).data;
              for (let i = 0; i < data.length; i += 4)
                if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 3 * 128) ink++;
            }
          }
          return {
            state: root.dataset.state ?? '',
            message: root.textContent.trim(),
            highlight: mark ? rect(mark.getBoundingClientRect()) : null,
            words: found,
            ink,
          };
        }
        """;
}
