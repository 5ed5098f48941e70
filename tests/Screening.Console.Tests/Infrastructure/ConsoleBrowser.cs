using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Screening.Console.Tests.Infrastructure;

/// <summary>
/// A real headless Chromium (Debian packages chromium and chromium-driver, /usr/bin) driven by Selenium through the
/// system chromedriver, so nothing is downloaded. Waits are explicit (an element or a condition, up to
/// <see cref="Timeout"/>), never fixed sleeps. <see cref="RunAsync"/> saves a screenshot when a step fails and
/// prints its path.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    /// <summary>Longest wait for one condition; generous because the build machine is shared and slow.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private readonly ChromeDriver _driver;
    private readonly ITestOutputHelper _output;

    public ConsoleBrowser(Uri baseAddress, ITestOutputHelper output)
    {
        BaseAddress = baseAddress;
        _output = output;
        var browser = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var driver = Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") ?? "/usr/bin/chromedriver";
        if (!File.Exists(browser) || !File.Exists(driver))
        {
            throw new InvalidOperationException(
                $"The browser tests need {browser} and {driver}: apt-get install -y chromium chromium-driver (.ci/run installs them), or set CHROMIUM_PATH and CHROMEDRIVER_PATH.");
        }

        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,900", "--lang=en-GB");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    /// <summary>Where screenshots go: <c>screenshots/</c> beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public Uri BaseAddress { get; }

    public IWebDriver Driver => _driver;

    public void Open(string path) => _driver.Navigate().GoToUrl(new Uri(BaseAddress, path));

    /// <summary>Waits until the element is displayed and returns it.</summary>
    public IWebElement Visible(By by) => Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed), $"{by} to be visible");

    /// <summary>Waits until the element's text contains <paramref name="text"/> and returns the element.</summary>
    public IWebElement TextContains(By by, string text) =>
        Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed && e.Text.Contains(text, StringComparison.Ordinal)), $"{by} to show \"{text}\"");

    public T Until<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(_driver, Timeout) { Message = "waited for " + what };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait.Until(d => condition(d))!;
    }

    public void Fill(By by, string text)
    {
        var input = Visible(by);
        input.Clear();
        _driver.ExecuteScript("arguments[0].value = '';", input);
        input.SendKeys(text);
    }

    /// <summary>Sets a value the way a date picker would (typing into a date input depends on the locale).</summary>
    public void SetValue(By by, string value) =>
        _driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", Visible(by), value);

    /// <summary>Saves a screenshot as <c>screenshots/NAME.png</c> and returns its full path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>
    /// Runs a test's steps; on failure saves a screenshot (<c>screenshots/NAME-failed.png</c>), prints its path and the
    /// page's messages, and fails with the path in the message. On success saves <c>screenshots/NAME.png</c>.
    /// </summary>
    public async Task RunAsync(string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception e)
        {
            string where;
            try
            {
                where = Screenshot(name + "-failed");
            }
            catch (WebDriverException shot)
            {
                where = "(no screenshot: " + shot.Message + ")";
            }

            _output.WriteLine($"browser test {name} failed; screenshot: {where}; url {_driver.Url}");
            System.Console.Error.WriteLine($"browser test {name} failed; screenshot: {where}");
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\nscreenshot: {where}\n{e.StackTrace}");
        }

        _output.WriteLine("screenshot: " + Screenshot(name));
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }
}
