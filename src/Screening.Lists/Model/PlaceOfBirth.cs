namespace Screening.Lists.Model;

/// <summary>A place of birth; <see cref="Text"/> holds the source's free text when it gives no parts.</summary>
public sealed record PlaceOfBirth(string? City = null, string? Region = null, string? Country = null, string? Text = null);
