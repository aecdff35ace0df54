using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

/// <summary>TextKey.Normalize's one-pass Latin-1 path gives exactly the key of the full Unicode path.</summary>
public sealed class TextKeyTests
{
    [Theory]
    [InlineData("Attività  di   CONTROLLO", "attivita di controllo")]
    [InlineData("  Grado di realizzazione (%) – 2021 ", "grado di realizzazione 2021")]
    [InlineData("Perché l’Ente: «più» servizi €", "perche l ente piu servizi")]
    [InlineData("<b>Peso</b> obiettivo", "peso obiettivo")]
    [InlineData("Straße Æon ĳ", "straße æon ĳ")]
    [InlineData("...", "")]
    public void Keys_read_the_same_whatever_case_accents_and_punctuation(string text, string key) => Assert.Equal(key, TextKey.Normalize(text));

    [Fact]
    public void Every_latin1_character_alone_and_between_letters_keys_as_the_unicode_path_does()
    {
        for (var c = 0; c < 0x2100; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var ch = ((char)c).ToString();
            foreach (var text in new[] { ch, "a" + ch + "b", ch + ch + " x " + ch, "È" + ch + "é" })
                Assert.True(TextKey.UnicodeKey(text) == TextKey.Normalize(text), $"U+{c:X4} in '{text}': '{TextKey.Normalize(text)}' vs '{TextKey.UnicodeKey(text)}'");
        }
    }

    [Fact]
    public void Random_mixed_text_keys_as_the_unicode_path_does()
    {
        var random = new Random(20211231);
        const string alphabet = "aAeEiIoOuUàèéìòùÀÈÉÌÒÙçÇñÑ0123456789 .,;:-–—’'\"()/%€°ªºßæøå\t\n\u00a0\u0301\u2019\u20ac<b>";
        for (var i = 0; i < 20000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.True(TextKey.UnicodeKey(text) == TextKey.Normalize(text), $"'{text}'");
        }
    }
}
