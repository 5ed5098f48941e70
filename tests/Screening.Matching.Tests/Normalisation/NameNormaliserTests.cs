using Screening.Matching.Normalisation;

namespace Screening.Matching.Tests.Normalisation;

public sealed class NameNormaliserTests
{
    private static string Texts(string name) => string.Join(' ', NameNormaliser.Normalise(name).Tokens.Select(t => t.Text));

    private static string Informative(string name) => string.Join(' ', NameNormaliser.Normalise(name).Informative.Select(t => t.Text));

    [Theory]
    [InlineData("Талибан", "taliban")]
    [InlineData("Владимир Путин", "vladimir putin")]
    [InlineData("Дмитрий Медведев", "dmitriy medvedev")]
    [InlineData("Юлия Тимошенко", "yuliya timoshenko")]
    [InlineData("Михаил Ходорковский", "mikhail khodorkovskiy")]
    [InlineData("Щукин", "shchukin")]
    public void Normalise_RussianCyrillic_RomanisesBgnStyle(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("Қайрат", "kayrat")]
    [InlineData("Әлихан", "alikhan")]
    [InlineData("Нұрсұлтан Әбішұлы", "nursultan abishuly")]
    [InlineData("Ғани Өмірбек", "gani omirbek")]
    [InlineData("Жаңа Үміт", "zhana umit")]
    [InlineData("Һәкім", "hakim")]
    public void Normalise_KazakhCyrillic_RomanisesKazakhLetters(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("Қайрат", "kairat")]
    [InlineData("Қайрат", "qairat")]
    [InlineData("Әлихан", "alikhan")]
    [InlineData("Әлихан", "alihan")]
    [InlineData("Талибан", "taliban")]
    public void Normalise_KazakhCyrillic_SharesKeyWithCommonRomanisations(string cyrillic, string latin) =>
        Assert.Equal(PhoneticKey.Of(latin), NameNormaliser.Normalise(cyrillic).Tokens.Single().Key);

    [Theory]
    [InlineData("Георгій", "heorhiy")]
    [InlineData("Їжакевич", "yizhakevych")]
    [InlineData("Євген", "yevhen")]
    public void Normalise_UkrainianCyrillic_UsesUkrainianValues(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("Ҷӯрабек Ҳасанов", "jurabek hasanov")]
    [InlineData("Үсөн Өмүрбеков", "uson omurbekov")]
    public void Normalise_TajikAndKyrgyzCyrillic_RomanisesTheirLetters(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("طالبان", "talban")]
    [InlineData("محمد علي", "mhmd ali")]
    [InlineData("صدام حسين التكريتي", "sdam hsin al tkriti")]
    [InlineData("عبد الرحمن", "abd al rhmn")]
    [InlineData("عبدالله", "abdullah")]
    [InlineData("پرویز", "prwiz")]
    [InlineData("محمود", "mhmud")]
    [InlineData("ګل محمد", "kl mhmd")]
    public void Normalise_ArabicScript_RomanisesConsonantsAndLongVowels(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("Νικόλαος", "nikolaos")]
    [InlineData("José Müller-Lüdenscheidt", "jose muller ludenscheidt")]
    [InlineData("Ǆokić", "dzokic")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("  ANGLO-CARIBBEAN   CO., LTD. ", "anglo caribbean co ltd")]
    [InlineData("ﬁrst Ｆｕｌｌｗｉｄｔｈ", "first fullwidth")]
    public void Normalise_LatinAndGreek_FoldsCaseDiacriticsPunctuationAndWidth(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Fact]
    public void Normalise_ArmenianAndGeorgian_ProducesLatin()
    {
        Assert.Matches("^[a-z ]+$", Texts("Արամ Խաչատրյան"));
        Assert.Matches("^[a-z ]+$", Texts("მიხეილ სააკაშვილი"));
    }

    [Theory]
    [InlineData("ادم خن", "adm khn")] // Adam Khan: not Adm. (a Western title) in Arabic script
    [InlineData("غلي إد اج", "ghli id")] // Iyad ag Ghali: اج is the Tuareg "ag" (son of), noise as the Latin "ag" is
    [InlineData("Adm. John Smith", "john smith")]
    [InlineData("زكر قري", "zkr")] // Qari Zakir: قري is the honorific Qari
    [InlineData("اياد اغ غالي", "ayad ghali")] // the UN list's own Arabic-script spelling of IYAD AG GHALI
    public void Normalise_AbjadWordsSpelledLikeNoise_AreNamesUnlessArabicScriptWritesTheNoiseSo(string name, string expected) =>
        Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("سكبتك تف", true)] // ... TOV
    [InlineData("يملجزنفست زو", true)] // Yamalgazinvest ZAO
    [InlineData("ستريترنسجز اجسك", true)] // Stroitransgaz OJSC
    [InlineData("زو لي", false)] // Zou Li: a name's first word
    [InlineData("تف", false)] // a one-word name
    public void Normalise_ShortAbjadLegalForm_IsALegalFormOnlyClosingAName(string name, bool legalForm)
    {
        var last = NameNormaliser.Normalise(name).Tokens[^1];
        var first = NameNormaliser.Normalise(name).Tokens[0];

        Assert.Equal(legalForm, last.Role == TokenRole.LegalForm);
        Assert.Equal(TokenRole.Informative, first.Role);
    }

    [Theory]
    [InlineData("Haji Mohammad Idris", "mohammad idris")]
    [InlineData("Mullah Mohammed Omar", "mohammed omar")]
    [InlineData("Maulavi Abdul Kabir", "abd kabir")]
    [InlineData("Sheikh Ahmed", "ahmed")]
    [InlineData("Mr. John Smith", "john smith")]
    [InlineData("ACME TRADING LLC", "acme trading")]
    [InlineData("ООО Ромашка", "romashka")]
    [InlineData("ТОО Казахстан Темир", "kazakhstan temir")]
    [InlineData("JSC ARGUMENT", "argument")]
    [InlineData("ОДЖСК Самотлорнефтегаз", "samotlorneftegaz")] // OJSC written in Cyrillic letter by letter
    [InlineData("Stroitransgaz odjsk", "stroitransgaz")]
    [InlineData("Siemens GmbH", "siemens")]
    [InlineData("Banco Nacional de Cuba SA", "banco nacional cuba")]
    public void Normalise_HonorificsAndLegalForms_AreNotInformative(string name, string expected) => Assert.Equal(expected, Informative(name));

    [Fact]
    public void Normalise_NameOfOnlyNoiseWords_KeepsThemInformative() => Assert.Equal("corp", Informative("CORP"));

    [Theory]
    [InlineData("Abdul Rahman", "abd rahman")]
    [InlineData("Abdulrahman", "abd rahman")]
    [InlineData("Abd al-Rahman", "abd rahman")]
    [InlineData("Abd ar-Rahman", "abd rahman")]
    [InlineData("Abdurrahman", "abd rahman")]
    [InlineData("Abdel Rahman", "abd rahman")]
    [InlineData("Abdullah", "abdullah")]
    [InlineData("Abd Allah", "abdullah")]
    [InlineData("Abdallah", "abdullah")]
    [InlineData("Osama bin Laden", "osama laden")]
    [InlineData("Abu Bakr al-Baghdadi", "abu bakr baghdadi")]
    public void Normalise_ArabicNameConventions_AreCanonical(string name, string expected) => Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u200F\u200E\u202B")]
    [InlineData("!!! --- ...")]
    public void Normalise_EmptyOrInvisible_IsEmpty(string name) => Assert.True(NameNormaliser.Normalise(name).IsEmpty);

    [Fact]
    public void Normalise_ControlCharactersAndBidiMarks_AreRemoved() =>
        Assert.Equal("ivan petrov", Texts("\u202BIvan\u0000\u0007 Pe\u200Ftrov\u202C"));

    [Fact]
    public void Normalise_LoneSurrogates_AreDroppedWithoutException() =>
        Assert.Equal("ivan petrov", Texts("Ivan\uD800 Pet\uDC00rov"));

    [Fact]
    public void Normalise_HugeName_IsTruncatedToTheLimits()
    {
        var name = NameNormaliser.Normalise(string.Concat(Enumerable.Repeat("Ivan ", 20_000)));
        Assert.True(name.Tokens.Length <= InputLimits.MaxTokensPerName);
        Assert.All(name.Tokens, t => Assert.Equal("ivan", t.Text));
    }

    [Fact]
    public void Normalise_MixedScripts_RomanisesEachPart() =>
        Assert.Equal("ivan ivanov mhmd", Texts("Иван Ivanov محمد"));

    [Fact]
    public void Normalise_ArabicScriptToken_IsFlaggedAbjad()
    {
        var tokens = NameNormaliser.Normalise("محمد Ali").Tokens;
        Assert.True(tokens[0].Abjad);
        Assert.False(tokens[1].Abjad);
    }

    [Theory]
    [InlineData("ЗИМБАБВЕ АЙРОН КОМПАНИ", "zimbabve ayron")]
    [InlineData("Zakir Kari", "zakir")]
    [InlineData("Polineks Trading LLK", "polineks trading")]
    [InlineData("Nocturnum Ink", "nocturnum")]
    public void Normalise_NoiseWordWrittenBackFromAnotherScript_IsNotInformative(string name, string expected) =>
        Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("Ko Hun", "ko hun")]
    [InlineData("El Hadj Ghader", "hadj ghader")]
    public void Normalise_ShortTokenSharingKeyWithNoiseWord_StaysInformative(string name, string expected) =>
        Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("بنيس رفنري كمبني", "bnis rfnri")]
    [InlineData("دكب فنكا لمتد", "dkb fnka")]
    [InlineData("ارمي اف إسلم", "armi islm")]
    [InlineData("بلال بن مروان", "blal mrwan")]
    [InlineData("سنوي تتش كو لتد", "snwi ttesh")]
    [InlineData("نرث جروب هلدنج", "nrth jrub hldnj")]
    [InlineData("بونو جركي", "bunu jrki")]
    public void Normalise_AbjadNoiseWord_IsRecognisedByConsonantSkeleton(string name, string expected) =>
        Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("مرد ابدل هكم", "mrd abd hkm")]
    [InlineData("عبدلله", "abdullah")]
    public void Normalise_AbdFormsWithoutShortVowels_FoldLikeLatinForms(string name, string expected) =>
        Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("lmiited", true)]
    [InlineData("comany", true)]
    [InlineData("ko", true)]
    [InlineData("rodriguez", false)]
    [InlineData("daesong", false)]
    public void IsShortOrNearLegalForm_MisspeltLegalForms_AreRecognised(string token, bool expected) =>
        Assert.Equal(expected, NoiseWords.IsShortOrNearLegalForm(token));

    [Theory]
    [InlineData("Habibullah Reshad", "habib allah reshad")]
    [InlineData("Habib Ullah Reshad", "habib allah reshad")]
    [InlineData("حبیب الله رشاد", "hbib allah rshad")]
    [InlineData("Насруллах", "nasr allah")]
    [InlineData("Jalaluddin Haqqani", "jalal din haqqani")]
    [InlineData("Nasreddine", "nasr din")]
    [InlineData("Azizurrahman", "aziz rahman")]
    [InlineData("Fazlur Rahman", "fazl rahman")]
    [InlineData("Abdullah", "abdullah")]
    [InlineData("Abdoulaye Miskine", "abdullah miskine")]
    [InlineData("Абдулае", "abdullah")]
    [InlineData("Aladdin", "aladdin")]
    public void Normalise_CompoundNames_SplitIntoTheirParts(string name, string expected) => Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("ثاقب", "saqib")]
    [InlineData("ذاکر", "zakir")]
    [InlineData("فضل", "fazl")]
    public void Normalise_PersianReadingOfArabicLetters_IsTheLooseSkeleton(string arabic, string latin)
    {
        var token = NameNormaliser.Normalise(arabic).Informative.Single();
        Assert.Equal(PhoneticKey.ConsonantsOf(PhoneticKey.Of(latin)), token.LooseConsonants);
    }

    [Theory]
    [InlineData("MEHDI BEN MOHAMED BEN MOHAMED KAMMOUN", "mehdi mohamed mohamed kammoun")]
    [InlineData("BEN ATTIA, Nabil", "ben attia nabil")]
    [InlineData("عبد الرحمن ولد محمد", "abd rhmn mhmd")]
    public void Normalise_PatronymicBenAndOuld_AreParticles(string name, string expected) => Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("اسحاق", "asehaq", "ishaq")]
    [InlineData("الأزهر", "azehr", "azhar")]
    [InlineData("لكحل", "lkehl", "lakhal")]
    [InlineData("ادهم", "adehm", "adham")]
    [InlineData("ياتسنكو", "yatesnku", "yatsenko")]
    [InlineData("تسانج", "tesanj", "tsang")]
    [InlineData("دجمال", "dejmal", "djamal")]
    public void Normalise_ArabicLettersLatinWritesAsADigraph_AreKeptApartAndReadTogetherInTheLooseSkeleton(string arabic, string text, string latin)
    {
        var token = NameNormaliser.Normalise(arabic).Informative.Single();
        Assert.Equal(text, token.Text);
        Assert.Equal(PhoneticKey.ConsonantsOf(PhoneticKey.Of(latin)), token.LooseConsonants);
    }

    [Fact]
    public void Normalise_WrittenLongVowelBeforeH_IsNotReadAsADigraph()
    {
        var token = NameNormaliser.Normalise("ساهر").Informative.Single();
        Assert.Equal("sahr", token.Text);
        Assert.Same(token.Consonants, token.LooseConsonants);
    }

    [Theory]
    [InlineData("ملا محمد عمر", "mhmd amr")]
    [InlineData("شيخ محمد", "mhmd")]
    [InlineData("حاج محمد نور", "mhmd nur")]
    [InlineData("هجي مهمد نور", "mhmd nur")]
    public void Normalise_ArabicScriptHonorifics_AreNotInformative(string name, string expected) => Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("الكسندر", "aleksandr")]
    [InlineData("اليم", "aleem")]
    [InlineData("الشمري", "alshammari")]
    public void Normalise_ArabicScriptWordAfterASplitArticle_KeepsTheArticleReadingOfItsSkeleton(string arabic, string latin)
    {
        var token = NameNormaliser.Normalise(arabic).Informative.Single();
        Assert.Equal(PhoneticKey.ConsonantsOf(PhoneticKey.Of(latin)), token.ArticleConsonants);
    }

    [Fact]
    public void Normalise_ArabicScriptWordWithoutArticle_HasNoArticleReading() =>
        Assert.Null(NameNormaliser.Normalise("محمد").Informative.Single().ArticleConsonants);

    [Theory]
    [InlineData("Транспетрочарт Ко Лтд", "transpetrochart")]
    [InlineData("Селкбаф Ко", "selkbaf")]
    [InlineData("KO Tae Hun", "ko tae hun")]
    public void Normalise_RussianKoForCo_IsALegalFormOnlyAfterTheName(string name, string expected) => Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("خن الفرو", "khn fru")]
    [InlineData("ملنو مهمد", "mlnu mhmd")]
    [InlineData("كين افك تردنج", "kin afk trdnj")]
    [InlineData("اتبك هين", "atbk hin")]
    [InlineData("ارمي فور إسلم", "armi islm")]
    [InlineData("مولانا محمد", "mhmd")]
    [InlineData("كومباني محمد", "mhmd")]
    public void Normalise_AbjadWordWithANoiseWordsSkeleton_IsNoiseOnlyWhenItsLongVowelsFit(string name, string expected) =>
        Assert.Equal(expected, Informative(name));

    [Theory]
    [InlineData("ثناء اللہ غفاری", "thna allah ghfari")]
    [InlineData("ثناء اللھ", "thna allah")]
    [InlineData("ثناء الله", "thna allah")]
    public void Normalise_AllahWithUrduH_KeepsItsArticle(string name, string expected) => Assert.Equal(expected, Texts(name));

    [Theory]
    [InlineData("بين مرز رول", "bin mrz rul")]
    [InlineData("سال فرد", "sal frd")]
    [InlineData("بلال بن مروان", "blal mrwan")]
    [InlineData("مر محمد", "mhmd")]
    [InlineData("سكرتي إنك", "skrti")]
    [InlineData("PAYAN Bin Raul", "payan raul")]
    public void Normalise_AbjadWordSpellingALatinAbbreviationWithAShortVowel_IsAName(string name, string expected) =>
        Assert.Equal(expected, Informative(name));

    [Fact]
    public void Normalise_ArabicScriptTaShin_StaysCh()
    {
        // تش is Latin "ch" (read by the loose skeleton's tS → S), not "ts" + h.
        var token = NameNormaliser.Normalise("تشانج").Informative.Single();
        Assert.Equal("teshanj", token.Text);
        Assert.Equal(PhoneticKey.ConsonantsOf(PhoneticKey.Of("chang")), token.LooseConsonants);
    }
}
