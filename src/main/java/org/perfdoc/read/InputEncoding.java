package org.perfdoc.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The input's bytes as UTF-8 for the JSON parser. UTF-8 (with or without BOM) passes through;
 * with {@code --encoding GB18030} (or GBK) the bytes are converted first. A file that is not UTF-8
 * but reads as GB18030 (what Chinese Windows tools save by default) is named as such.
 */
final class InputEncoding {
    static final Charset GB18030 = Charset.forName("GB18030");

    private InputEncoding() {
    }

    /** UTF-8 bytes of the input, or null with the reason in {@code problem[0]}. */
    static byte[] toUtf8(byte[] bytes, Charset declared, String[] problem) {
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            try {
                CharBuffer chars = strict(declared).decode(ByteBuffer.wrap(bytes));
                return chars.toString().getBytes(StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                problem[0] = "文件不是合法的 " + declared.name() + " 编码：" + e.getMessage();
                return null;
            }
        }
        if (startsWithUtf16Bom(bytes) || isUtf8(bytes)) {
            return bytes; // Jackson reads UTF-8 (BOM or not) and UTF-16 with a BOM itself
        }
        if (decodes(bytes, GB18030)) {
            problem[0] = "文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 软件的默认编码）。"
                    + "请在编辑器中“另存为 UTF-8”，或者加上选项 --encoding GB18030 读取";
        } else {
            problem[0] = "文件不是 UTF-8 编码的文本（也不是 GB18030），无法读取；请另存为 UTF-8";
        }
        return null;
    }

    private static boolean startsWithUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    static boolean isUtf8(byte[] bytes) {
        return decodes(bytes, StandardCharsets.UTF_8);
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            strict(charset).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
