# bench/mklog.awk: writes a Postfix mail log of N lines (awk -v n=N),
# for 'make bench'.  Each message takes the lines Postfix writes for it
# (smtpd connect, client, cleanup, qmgr, smtp or local delivery,
# removed, disconnect); one client in eight is rejected, one delivery in
# ten is deferred and one in twenty bounced.  The texts are Postfix's own
# (smtpd_check.c, smtp_proto.c, cleanup, qmgr) and, for the remote
# replies, those the data cites (Gmail, Microsoft 365).
function ts(i) { s = int(i / 40); return sprintf("Dec %2d %02d:%02d:%02d", 1 + int(s / 86400) % 28, int(s / 3600) % 24, int(s / 60) % 60, s % 60) }
function qid(i) { return sprintf("%X%05X", 16 + i % 200, i % 1048573) }
BEGIN {
  srand(42)
  dom[0] = "gmail.com"; dom[1] = "outlook.com"; dom[2] = "example.org"; dom[3] = "yahoo.com"; dom[4] = "example.net"
  mx[0] = "gmail-smtp-in.l.google.com[142.250.27.26]"; mx[1] = "example-com.mail.protection.outlook.com[52.101.68.1]"
  mx[2] = "mx.example.org[192.0.2.25]"; mx[3] = "mta5.am0.yahoodns.net[67.195.204.72]"; mx[4] = "mx.example.net[198.51.100.25]"
  out = 0; m = 0
  while (out < n) {
    m++
    t = ts(out); q = qid(m); pid = 1000 + m % 30000; d = m % 5
    c = sprintf("client%d.example.com[203.0.113.%d]", m % 200, m % 250)
    print t " mx postfix/smtpd[" pid "]: connect from " c; out++
    if (m % 8 == 0) {
      r = m % 3
      if (r == 0) print t " mx postfix/smtpd[" pid "]: NOQUEUE: reject: RCPT from " c ": 554 5.7.1 <user" m "@" dom[d] ">: Relay access denied; from=<sender@example.com> to=<user" m "@" dom[d] "> proto=ESMTP helo=<client" m ">"
      else if (r == 1) print t " mx postfix/smtpd[" pid "]: NOQUEUE: reject: RCPT from " c ": 450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113." m % 250 "]; from=<a@example.com> to=<b@example.com> proto=ESMTP helo=<x>"
      else print t " mx postfix/smtpd[" pid "]: NOQUEUE: reject: RCPT from " c ": 550 5.1.1 <nobody" m "@example.com>: Recipient address rejected: User unknown in local recipient table; from=<s@example.org> to=<nobody" m "@example.com> proto=ESMTP helo=<x>"
      out++
      print t " mx postfix/smtpd[" pid "]: disconnect from " c " ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"; out++
      continue
    }
    print t " mx postfix/smtpd[" pid "]: " q ": client=" c; out++
    print t " mx postfix/cleanup[" pid + 1 "]: " q ": message-id=<" m ".abc@example.com>"; out++
    print t " mx postfix/qmgr[999]: " q ": from=<sender" m % 50 "@example.com>, size=" 1000 + m % 90000 ", nrcpt=1 (queue active)"; out++
    print t " mx postfix/smtpd[" pid "]: disconnect from " c " ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"; out++
    if (m % 20 == 3)
      print t " mx postfix/smtp[" pid + 2 "]: " q ": to=<u" m "@" dom[d] ">, relay=" mx[d] ":25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host " mx[d] " said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp (in reply to RCPT TO command))"
    else if (m % 10 == 7)
      print t " mx postfix/smtp[" pid + 2 "]: " q ": to=<u" m "@" dom[d] ">, relay=" mx[d] ":25, delay=30, delays=0.1/0/30/0, dsn=4.7.0, status=deferred (host " mx[d] " said: 421 4.7.0 [203.0.113.9 15] Our system has detected an unusual rate of unsolicited mail originating from your IP address. (in reply to end of DATA command))"
    else if (m % 10 == 1)
      print t " mx postfix/local[" pid + 3 "]: " q ": to=<local" m "@example.com>, relay=local, delay=0.1, delays=0.05/0/0/0.05, dsn=2.0.0, status=sent (delivered to mailbox)"
    else
      print t " mx postfix/smtp[" pid + 2 "]: " q ": to=<u" m "@" dom[d] ">, relay=" mx[d] ":25, delay=0.8, delays=0.1/0.01/0.3/0.39, dsn=2.0.0, status=sent (250 2.0.0 OK  1733392803 a1si123 - gsmtp)"
    out++
    print t " mx postfix/qmgr[999]: " q ": removed"; out++
  }
}
