using System.Diagnostics;
using System.Text.RegularExpressions;
using SnowOps.IntegrationTests.Infrastructure;

namespace SnowOps.IntegrationTests.Security;

/// <summary>
/// Secrets come from configuration or the environment, never from the repository: every tracked file is searched for
/// what a committed secret looks like.
/// </summary>
public sealed partial class When_the_repository_is_searched_for_secrets
{
    /// <summary>Specs make their own throwaway keys and fake bot tokens; nothing under tests/ signs anything real.</summary>
    static bool IsTestCode(string file) => file.StartsWith("tests/", StringComparison.Ordinal);

    static bool IsConfiguration(string file) =>
        Path.GetFileName(file).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) ||
        Path.GetExtension(file) is ".json" or ".yaml" or ".yml" or ".env" or ".sh" or ".conf" or ".ini" or ".toml" ||
        Path.GetFileName(file) is "Dockerfile" or ".env";

    [Fact]
    public void Should_find_no_signing_key_file()
    {
        var keys = TrackedFiles().Where(f => Path.GetFileName(f) == "signing.key").ToList();

        Assert.True(keys.Count == 0, "Committed signing keys: " + string.Join(", ", keys));
    }

    [Fact]
    public void Should_find_no_private_key_bot_token_or_literal_signing_key()
    {
        var files = TrackedFiles();
        var found = new List<string>();
        foreach (var file in files)
        {
            var lines = ReadText(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var what in Secrets(file, lines, i))
                    found.Add($"{file}:{i + 1}: {what}");
            }
        }

        Assert.True(files.Count > 100, $"Only {files.Count} tracked files were found; is {Repo.Root} a git checkout?");
        Assert.True(found.Count == 0, "What looks like a committed secret:\n  " + string.Join("\n  ", found));
    }

    [Theory]
    [InlineData("k8s/base/modules/x.yaml", "            - name: SnowOps__Auth__SigningKey\n              value: \"0123456789abcdef0123456789abcdef\"")]
    [InlineData("src/SnowOps.Host/appsettings.Production.json", "{ \"SnowOps\": { \"Auth\": { \"SigningKey\": \"0123456789abcdef0123456789abcdef\" } } }")]
    [InlineData("ops/run.sh", "SnowOps__Auth__SigningKey=0123456789abcdef0123456789abcdef dotnet SnowOps.Host.dll")]
    [InlineData("docs/key.pem", "-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("src/SnowOps.CrewBot/Bot.cs", "const string Token = \"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq\";")]
    public void Should_recognise_each_kind_of_secret_it_looks_for(string file, string text)
    {
        var lines = text.Split('\n');

        Assert.NotEmpty(Enumerable.Range(0, lines.Length).SelectMany(i => Secrets(file, lines, i)));
    }

    [Theory]
    [InlineData("k8s/base/modules/x.yaml", "            - name: SnowOps__Auth__SigningKey\n              valueFrom: {secretKeyRef: {name: snowops-secrets, key: signing-key}}")]
    [InlineData("ops/bench/alerts.sh", "  \"SnowOps__Auth__SigningKey=$KEY\" dotnet SnowOps.Host.dll")]
    [InlineData("src/SnowOps.Host/appsettings.json", "{ \"SnowOps\": { \"Auth\": { \"SigningKey\": \"\" } } }")]
    [InlineData("tests/Shared/Telegram/FakeBotApi.cs", "const string Token = \"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq\";")]
    public void Should_leave_references_and_test_fakes_alone(string file, string text)
    {
        var lines = text.Split('\n');

        Assert.Empty(Enumerable.Range(0, lines.Length).SelectMany(i => Secrets(file, lines, i)));
    }

    static IEnumerable<string> Secrets(string file, string[] lines, int i)
    {
        if (IsTestCode(file))
            yield break;
        var line = lines[i];
        if (PrivateKey().IsMatch(line))
            yield return "a private key";
        if (BotToken().IsMatch(line))
            yield return "a Telegram bot token";
        if (!IsConfiguration(file))
            yield break;
        if (SigningKeyAssigned().Match(line) is { Success: true } assigned && !assigned.Groups["value"].Value.StartsWith('$'))
            yield return "a signing key written out";
        if (JsonSigningKey().IsMatch(line))
            yield return "a signing key written out";
        if (YamlSigningKeyName().IsMatch(line) && i + 1 < lines.Length && YamlLiteralValue().IsMatch(lines[i + 1]))
            yield return "a signing key written out in the manifest (use valueFrom: secretKeyRef)";
    }

    static List<string> TrackedFiles()
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("ls-files");
        info.ArgumentList.Add("-z");
        using var git = Process.Start(info)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The file's lines, or none for a binary file or one too large to be configuration.</summary>
    static string[] ReadText(string file)
    {
        var path = Path.Combine(Repo.Root, file);
        if (!File.Exists(path) || new FileInfo(path).Length > 5_000_000)
            return [];
        var text = File.ReadAllText(path);
        return text.Contains('\0') ? [] : text.Split('\n');
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![\w])\d{8,10}:[A-Za-z0-9_-]{35}(?![\w-])")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"SnowOps(__|:)Auth(__|:)SigningKey\s*=\s*[""']?(?<value>[^\s""']+)")]
    private static partial Regex SigningKeyAssigned();

    [GeneratedRegex(@"""SigningKey""\s*:\s*""[^""]+""")]
    private static partial Regex JsonSigningKey();

    [GeneratedRegex(@"name:\s*[""']?SnowOps__Auth__SigningKey")]
    private static partial Regex YamlSigningKeyName();

    [GeneratedRegex(@"^\s*value:\s*\S")]
    private static partial Regex YamlLiteralValue();
}
