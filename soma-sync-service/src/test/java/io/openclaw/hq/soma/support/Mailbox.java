package io.openclaw.hq.soma.support;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.Properties;

/** Plants messages straight into the GreenMail mailbox of the canary Gmail user. */
public final class Mailbox {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static int sequence;

    private Mailbox() {
    }

    private static GreenMailUser user() {
        return GreenMailResource.server().getUserManager().getUser(SomaCanaries.GMAIL_USER);
    }

    public static MimeMessage message(String from, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(SESSION);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("library@example.net"));
        m.setSubject(subject);
        m.setSentDate(new Date(1_767_225_600_000L + 60_000L * sequence));
        m.setHeader("Message-ID", "<msg-" + (++sequence) + "-" + System.nanoTime() + "@example.net>");
        return m;
    }

    public static void text(String from, String subject, String body) throws MessagingException {
        MimeMessage m = message(from, subject);
        m.setText(body, "UTF-8");
        deliver(m);
    }

    public static void html(String from, String subject, String html) throws MessagingException {
        MimeMessage m = message(from, subject);
        m.setContent(html, "text/html; charset=UTF-8");
        deliver(m);
    }

    public static void attachment(String from, String subject, String fileName, String contentType, byte[] bytes)
            throws MessagingException {
        MimeMessage m = message(from, subject);
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, contentType)));
        file.setFileName(fileName);
        multipart.addBodyPart(text);
        multipart.addBodyPart(file);
        m.setContent(multipart);
        deliver(m);
    }

    public static void deliver(MimeMessage m) throws MessagingException {
        m.saveChanges();
        // saveChanges renews Message-ID; keep the one we set so duplicates stay recognisable
        user().deliver(m);
    }
}
