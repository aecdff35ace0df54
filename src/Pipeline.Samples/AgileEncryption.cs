using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NPOI.POIFS.FileSystem;

namespace Pipeline.Samples;

/// <summary>
/// Password-protects an OOXML package the way Excel does ([MS-OFFCRYPTO] agile encryption, version 4.4: AES-256-CBC,
/// SHA-512, 100 000 spins): an OLE compound file with the \u0006DataSpaces storage, an EncryptionInfo stream (version,
/// flags, XML descriptor) and the EncryptedPackage stream. Salts and keys come from a seed, so the bytes are fixed.
/// </summary>
internal static class AgileEncryption
{
    private const int SpinCount = 100_000;
    private const int SegmentLength = 4096;
    private const int BlockSize = 16;
    private const int KeyBytes = 32;

    private static readonly byte[] VerifierInputBlock = [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79];
    private static readonly byte[] VerifierHashBlock = [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e];
    private static readonly byte[] KeyValueBlock = [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6];
    private static readonly byte[] HmacKeyBlock = [0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6];
    private static readonly byte[] HmacValueBlock = [0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33];

    /// <summary>The compound file of <paramref name="package"/> (an .xlsx) protected by <paramref name="password"/>.</summary>
    public static byte[] Protect(byte[] package, string password, string seed)
    {
        var keyDataSalt = Derive(seed, "keyData.salt", BlockSize);
        var passwordSalt = Derive(seed, "password.salt", BlockSize);
        var secretKey = Derive(seed, "secret.key", KeyBytes);
        var verifierInput = Derive(seed, "verifier.input", BlockSize);
        var hmacKey = Derive(seed, "hmac.key", SHA512.HashSizeInBytes);

        var encryptedPackage = EncryptPackage(package, secretKey, keyDataSalt);

        var passwordHash = PasswordHash(password, passwordSalt);
        var encryptedVerifierInput = Aes(KeyFor(passwordHash, VerifierInputBlock), passwordSalt, verifierInput);
        var encryptedVerifierHash = Aes(KeyFor(passwordHash, VerifierHashBlock), passwordSalt, SHA512.HashData(verifierInput));
        var encryptedKey = Aes(KeyFor(passwordHash, KeyValueBlock), passwordSalt, secretKey);

        var encryptedHmacKey = Aes(secretKey, Iv(keyDataSalt, HmacKeyBlock), hmacKey);
        var hmac = HMACSHA512.HashData(hmacKey, encryptedPackage);
        var encryptedHmacValue = Aes(secretKey, Iv(keyDataSalt, HmacValueBlock), hmac);

        var info = EncryptionInfo(keyDataSalt, passwordSalt, encryptedVerifierInput, encryptedVerifierHash, encryptedKey,
            encryptedHmacKey, encryptedHmacValue);
        return CompoundFile(info, encryptedPackage);
    }

    private static byte[] Derive(string seed, string purpose, int length)
    {
        var bytes = SHA512.HashData(Encoding.UTF8.GetBytes($"{seed}/{purpose}"));
        return bytes[..length];
    }

    /// <summary>H0 = H(salt + password); Hn = H(iterator + Hn-1), 100 000 times.</summary>
    private static byte[] PasswordHash(string password, byte[] salt)
    {
        var hash = SHA512.HashData([.. salt, .. Encoding.Unicode.GetBytes(password)]);
        var buffer = new byte[4 + hash.Length];
        for (var i = 0; i < SpinCount; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, i);
            hash.CopyTo(buffer, 4);
            hash = SHA512.HashData(buffer);
        }
        return hash;
    }

    private static byte[] KeyFor(byte[] passwordHash, byte[] blockKey) => SHA512.HashData([.. passwordHash, .. blockKey])[..KeyBytes];

    private static byte[] Iv(byte[] salt, byte[] blockKey) => SHA512.HashData([.. salt, .. blockKey])[..BlockSize];

    private static byte[] Aes(byte[] key, byte[] iv, byte[] data)
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        var padded = new byte[(data.Length + BlockSize - 1) / BlockSize * BlockSize];
        data.CopyTo(padded, 0);
        return aes.EncryptCbc(padded, iv, PaddingMode.None);
    }

    /// <summary>StreamSize (8 bytes) and the package in 4096-byte segments, each with IV = H(salt + segment index).</summary>
    private static byte[] EncryptPackage(byte[] package, byte[] secretKey, byte[] keyDataSalt)
    {
        using var output = new MemoryStream();
        Span<byte> size = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(size, (ulong)package.Length);
        output.Write(size);
        var index = new byte[4];
        for (var offset = 0; offset < package.Length; offset += SegmentLength)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(index, (uint)(offset / SegmentLength));
            var segment = package.AsSpan(offset, Math.Min(SegmentLength, package.Length - offset)).ToArray();
            output.Write(Aes(secretKey, Iv(keyDataSalt, index), segment));
        }
        return output.ToArray();
    }

    private static byte[] EncryptionInfo(
        byte[] keyDataSalt, byte[] passwordSalt, byte[] verifierInput, byte[] verifierHash, byte[] key, byte[] hmacKey, byte[] hmacValue)
    {
        static string B64(byte[] b) => Convert.ToBase64String(b);
        const string cipher = "keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\"";
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
            "<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\" " +
            "xmlns:p=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\" " +
            "xmlns:c=\"http://schemas.microsoft.com/office/2006/keyEncryptor/certificate\">" +
            $"<keyData saltSize=\"16\" blockSize=\"16\" {cipher} saltValue=\"{B64(keyDataSalt)}\"/>" +
            $"<dataIntegrity encryptedHmacKey=\"{B64(hmacKey)}\" encryptedHmacValue=\"{B64(hmacValue)}\"/>" +
            "<keyEncryptors><keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\">" +
            $"<p:encryptedKey spinCount=\"{SpinCount}\" saltSize=\"16\" blockSize=\"16\" {cipher} saltValue=\"{B64(passwordSalt)}\" " +
            $"encryptedVerifierHashInput=\"{B64(verifierInput)}\" encryptedVerifierHashValue=\"{B64(verifierHash)}\" " +
            $"encryptedKeyValue=\"{B64(key)}\"/>" +
            "</keyEncryptor></keyEncryptors></encryption>";
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write((ushort)4); // version major: agile
        w.Write((ushort)4); // version minor
        w.Write(0x40u);     // flags: fAgile
        w.Write(Encoding.UTF8.GetBytes(xml));
        w.Flush();
        return ms.ToArray();
    }

    private static byte[] CompoundFile(byte[] encryptionInfo, byte[] encryptedPackage)
    {
        var fs = new POIFSFileSystem();
        var dataSpaces = fs.Root.CreateDirectory("\u0006DataSpaces");
        dataSpaces.CreateDocument("Version", new MemoryStream(DataSpaceVersion()));
        dataSpaces.CreateDocument("DataSpaceMap", new MemoryStream(DataSpaceMap()));
        var info = dataSpaces.CreateDirectory("DataSpaceInfo");
        info.CreateDocument("StrongEncryptionDataSpace", new MemoryStream(DataSpaceDefinition()));
        var transforms = dataSpaces.CreateDirectory("TransformInfo");
        var transform = transforms.CreateDirectory("StrongEncryptionTransform");
        transform.CreateDocument("\u0006Primary", new MemoryStream(TransformInfo()));
        fs.Root.CreateDocument("EncryptionInfo", new MemoryStream(encryptionInfo));
        fs.Root.CreateDocument("EncryptedPackage", new MemoryStream(encryptedPackage));
        using var output = new MemoryStream();
        fs.WriteFileSystem(output);
        return output.ToArray();
    }

    // [MS-OFFCRYPTO] 2.1.5: feature "Microsoft.Container.DataSpaces", reader/updater/writer version 1.0.
    private static byte[] DataSpaceVersion() => Build(w =>
    {
        LengthPrefixed(w, "Microsoft.Container.DataSpaces");
        Versions(w);
    });

    // 2.1.6: one entry mapping the EncryptedPackage stream to the StrongEncryptionDataSpace.
    private static byte[] DataSpaceMap()
    {
        var entry = Build(w =>
        {
            w.Write(1u); // reference component count
            w.Write(0u); // component type: stream
            LengthPrefixed(w, "EncryptedPackage");
            LengthPrefixed(w, "StrongEncryptionDataSpace");
        });
        return Build(w =>
        {
            w.Write(8u); // header length
            w.Write(1u); // entry count
            w.Write((uint)(entry.Length + 4));
            w.Write(entry);
        });
    }

    // 2.1.7: the data space applies one transform.
    private static byte[] DataSpaceDefinition() => Build(w =>
    {
        w.Write(8u);
        w.Write(1u);
        LengthPrefixed(w, "StrongEncryptionTransform");
    });

    // 2.1.8 TransformInfoHeader + 2.1.9 EncryptionTransformInfo.
    private static byte[] TransformInfo() => Build(w =>
    {
        const string id = "{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}";
        w.Write((uint)(8 + 4 + Padded(Encoding.Unicode.GetByteCount(id))));
        w.Write(1u); // transform type
        LengthPrefixed(w, id);
        LengthPrefixed(w, "Microsoft.Container.EncryptionTransform");
        Versions(w);
        w.Write(0u); // encryption name: empty
        w.Write(0u); // block size
        w.Write(0u); // cipher mode
        w.Write(4u); // reserved
    });

    private static void Versions(BinaryWriter w)
    {
        for (var i = 0; i < 3; i++)
        {
            w.Write((ushort)1);
            w.Write((ushort)0);
        }
    }

    private static void LengthPrefixed(BinaryWriter w, string text)
    {
        var bytes = Encoding.Unicode.GetBytes(text);
        w.Write((uint)bytes.Length);
        w.Write(bytes);
        for (var i = bytes.Length; i < Padded(bytes.Length); i++) w.Write((byte)0);
    }

    private static int Padded(int length) => (length + 3) / 4 * 4;

    private static byte[] Build(Action<BinaryWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) body(w);
        return ms.ToArray();
    }
}
