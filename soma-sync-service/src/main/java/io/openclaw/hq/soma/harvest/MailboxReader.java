package io.openclaw.hq.soma.harvest;

import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.service.ArtifactFiles;
import io.openclaw.hq.soma.service.SomaFailure;
import io.openclaw.hq.soma.service.SomaSecrets;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.angus.mail.gimap.GmailMessage;
import org.eclipse.angus.mail.gimap.GmailRawSearchTerm;
import org.eclipse.angus.mail.gimap.GmailSSLProvider;

/**
 * One IMAP session with the mailbox (angus-mail; its gimap provider over TLS). Only messages with a UID above
 * the last one harvested are looked at. On Gmail (the server offers {@code X-GM-EXT-1}) the new
 * messages are narrowed by an {@code X-GM-RAW} search with the configured Gmail query, so only the
 * matching ones are fetched; on any other server each new message's structure is read and judged
 * here. Attachments are hashed as they stream, never kept.
 */
public final class MailboxReader implements AutoCloseable {

    public static final String GMAIL_CAPABILITY = "X-GM-EXT-1";
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "webm", "m4v");
    private static final List<String> VIDEO_HOSTS = List.of("youtube.com", "youtu.be", "vimeo.com", "loom.com",
            "wistia.com", "wistia.net", "wi.st", "drive.google.com");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_INSTANT;

    /** What one session found: the mailbox's UIDVALIDITY and highest UID, the messages with videos. */
    public record Batch(long uidValidity, long lastUid, int newMessages, int fetched, String searchMode,
            List<HarvestedMessage> messages) {
    }

    private final Store store;
    private final SomaFile.Gmail settings;

    private MailboxReader(Store store, SomaFile.Gmail settings) {
        this.store = store;
        this.settings = settings;
    }

    public static MailboxReader connect(SomaFile.Gmail settings, SomaSecrets.GmailLogin login) {
        return connect(settings, login, new Properties());
    }

    /**
     * gimap only speaks TLS (its store forces it), and only gimap knows X-GM-RAW: over TLS the
     * store is gimaps; without TLS (a local test server) it is plain imap and the search is ours.
     * {@code extra} lets a test hand in the trust for its own certificate.
     */
    static MailboxReader connect(SomaFile.Gmail settings, SomaSecrets.GmailLogin login, Properties extra) {
        String protocol = settings.ssl() ? "gimaps" : "imap";
        Properties props = new Properties();
        String timeout = Long.toString(settings.timeoutOrDefault() * 1000L);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        props.put("mail." + protocol + ".partialfetch", "false");
        props.putAll(extra);
        Session session = Session.getInstance(props);
        if (settings.ssl()) {
            session.addProvider(new GmailSSLProvider());
        }
        try {
            Store store = session.getStore(protocol);
            store.connect(settings.host(), settings.port(), login.user(), login.password());
            return new MailboxReader(store, settings);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            throw new MailboxLoginRefused("the IMAP server refused the login: check the secrets gmail_user and gmail_app_password"
                    + " (an app password, not the account password)");
        } catch (MessagingException e) {
            throw new SomaFailure("cannot reach the IMAP server " + settings.host() + ":" + settings.port() + ": "
                    + e.getClass().getSimpleName() + " (" + io.openclaw.hq.platform.secrets.Redactor.redact(
                            String.valueOf(e.getMessage())) + ")");
        }
    }

    /** X-GM-RAW is used when the server offers it and the store is gimap's (TLS) that can send it. */
    public boolean offersGmailSearch() throws MessagingException {
        return store instanceof org.eclipse.angus.mail.gimap.GmailStore gmail && gmail.hasCapability(GMAIL_CAPABILITY);
    }

    /**
     * The messages after {@code lastUid} that hold videos. When the folder's UIDVALIDITY is not
     * {@code knownUidValidity} the old UIDs mean nothing and everything is read again.
     */
    public Batch readSince(long knownUidValidity, long lastUid, Consumer<String> log) throws MessagingException {
        // asked before the folder takes the store's connection, which would cost a second login
        boolean gmail = offersGmailSearch();
        Folder folder = store.getFolder(settings.folder());
        if (!folder.exists()) {
            throw new SomaFailure("the IMAP folder " + settings.folder() + " does not exist (gmail.folder)");
        }
        folder.open(Folder.READ_ONLY);
        try {
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long from = lastUid;
            if (validity != knownUidValidity) {
                if (knownUidValidity > 0) {
                    log.accept("UIDVALIDITY changed from " + knownUidValidity + " to " + validity
                            + ": the old UIDs are void, reading the whole folder again");
                }
                from = 0;
            }
            List<Message> fresh = new ArrayList<>();
            long highest = from;
            if (folder.getMessageCount() > 0) {
                for (Message m : uids.getMessagesByUID(from + 1, UIDFolder.MAXUID)) {
                    long uid = uids.getUID(m);
                    // "n:*" always answers the last message, even when its UID is below n
                    if (uid > from) {
                        fresh.add(m);
                        highest = Math.max(highest, uid);
                    }
                }
            }
            String mode = gmail ? "X-GM-RAW" : "imap";
            log.accept(fresh.size() + " new message(s) since UID " + from + "; search: " + mode);
            Message[] news = fresh.toArray(Message[]::new);
            // one round trip for every new message's envelope, structure and the headers we keep
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add("Message-ID");
            profile.add("References");
            profile.add("In-Reply-To");
            if (gmail) {
                profile.add(org.eclipse.angus.mail.gimap.GmailFolder.FetchProfileItem.THRID);
            }
            folder.fetch(news, profile);
            Message[] candidates = news.length == 0 ? news : gmail
                    ? folder.search(new GmailRawSearchTerm(settings.query()), news)
                    : plainSearch(folder, news);
            log.accept(candidates.length + " of them may hold videos; reading those");
            List<HarvestedMessage> found = new ArrayList<>();
            for (Message m : candidates) {
                HarvestedMessage harvested = read(m, uids.getUID(m), validity, gmail);
                if (!harvested.attachments().isEmpty() || !harvested.links().isEmpty()) {
                    found.add(harvested);
                }
            }
            return new Batch(validity, highest, fresh.size(), candidates.length, mode, found);
        } finally {
            // a connection that failed has closed the folder already; what failed is the exception to show
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    /**
     * Without Gmail's search: the server searches the new messages' text for the video hosts, and
     * the structures already fetched name the video attachments; only those messages are read.
     */
    private static Message[] plainSearch(Folder folder, Message[] news) throws MessagingException {
        java.util.Set<Message> chosen = new java.util.LinkedHashSet<>();
        jakarta.mail.search.SearchTerm[] hosts = VIDEO_HOSTS.stream().map(jakarta.mail.search.BodyTerm::new)
                .toArray(jakarta.mail.search.SearchTerm[]::new);
        java.util.Set<Message> linked = new java.util.HashSet<>(List.of(folder.search(new jakarta.mail.search.OrTerm(hosts), news)));
        for (Message m : news) {
            try {
                if (linked.contains(m) || namesVideoAttachment(m)) {
                    chosen.add(m);
                }
            } catch (IOException e) {
                throw new SomaFailure("the structure of a message could not be read: " + e.getClass().getSimpleName());
            }
        }
        return chosen.toArray(Message[]::new);
    }

    /** From the structure alone (BODYSTRUCTURE): no content is downloaded to decide. */
    private static boolean namesVideoAttachment(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                if (namesVideoAttachment(multipart.getBodyPart(i))) {
                    return true;
                }
            }
            return false;
        }
        String name = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        return isVideo(name, part);
    }

    private HarvestedMessage read(Message m, long uid, long validity, boolean gmail) throws MessagingException {
        List<HarvestedMessage.Attachment> attachments = new ArrayList<>();
        Map<String, VideoLink> links = new LinkedHashMap<>();
        try {
            walk(m, attachments, links);
        } catch (IOException e) {
            throw new SomaFailure("message UID " + uid + " could not be read: " + e.getClass().getSimpleName());
        }
        String messageId = first(m.getHeader("Message-ID"));
        if (messageId == null) {
            messageId = "<uid-" + validity + "-" + uid + "@soma.local>";
        }
        String thread;
        if (gmail && m instanceof GmailMessage gm) {
            thread = "gmail:" + Long.toHexString(gm.getThrId());
        } else {
            String references = first(m.getHeader("References"));
            String inReplyTo = first(m.getHeader("In-Reply-To"));
            thread = references != null ? references.strip().split("\\s+")[0] : inReplyTo != null ? inReplyTo.strip() : messageId;
        }
        Date sent = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
        String date = sent == null ? "" : DATE.format(sent.toInstant().atOffset(ZoneOffset.UTC));
        Address[] from = m.getFrom();
        String sender = from == null || from.length == 0 ? ""
                : from[0] instanceof InternetAddress ia ? ia.toUnicodeString() : from[0].toString();
        return new HarvestedMessage(uid, messageId.strip(), thread, date, sender, m.getSubject() == null ? "" : m.getSubject(),
                List.copyOf(attachments), List.copyOf(links.values()));
    }

    private void walk(Part part, List<HarvestedMessage.Attachment> attachments, Map<String, VideoLink> links)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), attachments, links);
            }
            return;
        }
        String name = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        if (isVideo(name, part)) {
            attachments.add(hash(part, name));
            return;
        }
        if (name == null && (part.isMimeType("text/plain") || part.isMimeType("text/html"))) {
            Object content = part.getContent();
            if (content instanceof String text) {
                VideoLinks.in(text).forEach(l -> links.putIfAbsent(l.key(), l));
            }
        }
    }

    private static boolean isVideo(String name, Part part) throws MessagingException {
        if (name != null) {
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return name != null && part.isMimeType("video/*");
    }

    private HarvestedMessage.Attachment hash(Part part, String name) throws MessagingException, IOException {
        MessageDigest digest = ArtifactFiles.digest();
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
                if (size > settings.maxAttachmentBytes()) {
                    throw new SomaFailure("attachment " + name + " is larger than gmail.maxAttachmentMegabytes; the harvest"
                            + " stops rather than hash part of it");
                }
            }
        }
        String type = part.getContentType() == null ? "" : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        return new HarvestedMessage.Attachment(name, type, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (MessagingException e) {
            // the session is over either way
        }
    }
}
