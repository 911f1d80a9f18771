using Cairn.Cases.Custody;
using Cairn.Core;

namespace Cairn.Storage.Custody;

/// <summary>
/// The installation's tree-head signing key, <c>custody-key.pem</c> (PKCS#8 PEM) in the data
/// directory, created at first start with owner-only permissions. Written to a temporary file
/// and renamed, so a kill never leaves half a key behind.
/// </summary>
public static class CustodyKeyFile
{
    public const string FileName = "custody-key.pem";

    public static TreeHeadSigner LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            try
            {
                return TreeHeadSigner.FromPrivateKeyPem(File.ReadAllText(path));
            }
            catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new CairnException($"custody key {path} is unreadable: {ex.Message}", ex);
            }
        }
        var signer = TreeHeadSigner.Create();
        var temporary = path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(signer.ExportPrivateKeyPem());
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        try
        {
            // Another process may have created it meanwhile: keep theirs, so one key signs everything.
            File.Move(temporary, path, overwrite: false);
            return signer;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            signer.Dispose();
            return TreeHeadSigner.FromPrivateKeyPem(File.ReadAllText(path));
        }
    }
}
