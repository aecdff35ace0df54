namespace Pipeline.Core.Values;

/// <summary>
/// A number read from Italian document text by <see cref="ItalianNumber"/>.
/// </summary>
/// <param name="Raw">The text it was read from, trimmed (white space collapsed).</param>
/// <param name="Value">The numeric value, exact (no rounding): <c>1.234,56</c> → 1234.56.</param>
/// <param name="Unit">
/// The unit printed next to the number, or null. Symbols and a few abbreviations are canonical
/// (<c>%</c>, <c>€</c>, <c>N.</c>, <c>gg</c>); any other unit word is kept as printed (<c>giorni</c>, <c>eventi</c>).
/// </param>
public sealed record ParsedNumber(string Raw, decimal Value, string? Unit);
