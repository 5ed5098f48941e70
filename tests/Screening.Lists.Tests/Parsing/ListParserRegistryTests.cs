using Screening.Lists.Parsing;

namespace Screening.Lists.Tests.Parsing;

public sealed class ListParserRegistryTests
{
    [Theory]
    [InlineData("un-xml")]
    [InlineData("national-json")]
    public void Resolve_KnownName_ReturnsParser(string name) =>
        Assert.Equal(name, ListParserRegistry.Default.Resolve(name).FormatName);

    [Fact]
    public void Resolve_UnknownName_ListsKnownFormats()
    {
        var error = Assert.Throws<ListFormatException>(() => ListParserRegistry.Default.Resolve("fatf-pdf"));

        Assert.Contains("fatf-pdf", error.Reason, StringComparison.Ordinal);
        Assert.Contains("un-xml", error.Reason, StringComparison.Ordinal);
        Assert.Contains("national-json", error.Reason, StringComparison.Ordinal);
    }
}
