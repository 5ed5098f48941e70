using Screening.Matching.Normalisation;
using Screening.Matching.Scoring;

namespace Screening.Matching.Tests.Scoring;

public sealed class TokenSketchTests
{
    // Names in several scripts, with spelling variants, typos, glide and "ye" spellings, initials and numbers: every pair
    // of their tokens is checked.
    private static readonly string[] Names =
    [
        "Mohammed Muhammad Mohamad Mahmoud Muhamad Mohammad", "Hashem Khadem Hussein Hassan Husayn Hasan Husein",
        "Vladimir Vladimirovich Ivanov Ivanova Iwanow", "Saddam al-Tikriti Takriti", "Abd al-Rahman Abdulrahman Abdurrahman",
        "Qairat Kairat Kayrat Alikhan Alihan Alykhan", "Yusuf Jusuf Yousef Joseph Maja Maya Jamal Yamal",
        "Kyong Keng Koryo Kore Syed Sed Ayoub Aeub", "Petrochemical Petrochem Petrochemicals Trading Tradnig",
        "Ocean Star 12 Star 21 Vessel 9187629 9187692", "J R R Tolkien John Ronald", "Martha Marhta Dwayne Duane Dixon Dickson",
        "محمد ادريس صدام حسين التكريتي عبد الرحمن", "Талибан Қайрат Әлихан Владимир Иванов Кён", "Zimbabwe Iron Steel Company",
        "Xi Jinping Kim Jong Un Chong Chon", "Aaaa Aaab Abcd Dcba Zzzzzzzz",
        "Ali Aly Wei Vei Yas Ias Kyu Kiu Li Lee",
    ];

    [Fact]
    public void CertainlyUnlike_OnlyForPairsComputeScoresZero()
    {
        // Word by word: a name keeps only its first InputLimits.MaxTokensPerName tokens.
        var tokens = Names.SelectMany(n => n.Split(' ')).SelectMany(w => NameNormaliser.Normalise(w).Tokens).Distinct().ToList();
        var unlike = 0;
        foreach (var a in tokens)
        {
            foreach (var b in tokens)
            {
                if (TokenSketch.CertainlyUnlike(new TokenSketch(a), new TokenSketch(b)))
                {
                    unlike++;
                    Assert.True(TokenSimilarity.Compute(a, b) == 0, $"{a.Text} / {b.Text}: sketch says unlike, Compute {TokenSimilarity.Compute(a, b)}");
                }
            }
        }

        // Most pairs of different names are told apart by the sketch, or it saves nothing.
        Assert.True(unlike > tokens.Count * tokens.Count / 2, $"{unlike} of {tokens.Count * tokens.Count} pairs");
    }

    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("ivanov", "iwanow")]
    [InlineData("tradnig", "trading")]
    [InlineData("yusuf", "jusuf")]
    [InlineData("j", "john")]
    [InlineData("9187629", "9187629")]
    [InlineData("wei", "vei")]
    [InlineData("ali", "aly")]
    public void CertainlyUnlike_NeverForSimilarTokens(string a, string b)
    {
        var x = NameToken.Create(a, false, TokenRole.Informative);
        var y = NameToken.Create(b, false, TokenRole.Informative);
        Assert.True(TokenSimilarity.Compute(x, y) > 0);
        Assert.False(TokenSketch.CertainlyUnlike(new TokenSketch(x), new TokenSketch(y)));
    }
}
