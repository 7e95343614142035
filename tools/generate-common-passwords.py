#!/usr/bin/env python3
"""Writes src/main/resources/security/common-passwords.txt, the list behind Doorstep's
"not a commonly used password" rule.

Provenance: no list was downloaded (the build machine has no internet). The base words below were
written from public knowledge of the passwords that published breach-frequency lists keep ranking
highest (the NCSC "100,000 most breached passwords" analysis, the yearly SplashData/NordPass top
lists, the RockYou frequency counts), plus words a UK school's staff would reach for. Generated here:
doubled words, keyboard walks and digit runs; a word with digits, years or symbols appended is
refused by the rule itself, which strips them before the lookup. Run: python3 tools/generate-common-passwords.py
"""
import pathlib

TOP = """
123456 123456789 12345 qwerty password 12345678 111111 123123 1234567890 1234567 qwerty123 000000
1q2w3e aa12345678 abc123 password1 1234 qwertyuiop 123321 password123 1q2w3e4r5t iloveyou 654321
666666 987654321 123 123456a qwe123 1q2w3e4r 7777777 1qaz2wsx 123qwe zxcvbnm 121212 asdasd a123456
555555 dragon 112233 123123123 monkey 11111111 qazwsx 159753 asdfghjkl 222222 1234qwer qwerty1
123654 123abc asdfgh 777777 aaaaaa myspace1 88888888 fuckyou 123456789a 999999 888888 football
princess 789456123 147258369 1111111 sunshine michael computer qwer1234 daniel 789456 11111 abcd1234
1qaz2wsx3edc 123456q 987654 superman iloveu 131313 killer 1234567a jessica master shadow 696969 ashley
baseball 123qweasd qazwsxedc charlie welcome letmein trustno1 hello starwars freedom whatever
passw0rd admin administrator login solo access mustang batman jordan 2000 harley robert matthew
jennifer hunter buster soccer tigger thomas andrew pepper hockey ranger daniel george summer
winter autumn spring london chelsea arsenal liverpool manchester tottenham everton celtic rangers
england scotland wales britain football1 cheese flower hannah samantha nicole amanda loveme
lovely angel angels babygirl baby1 butterfly jasmine purple orange yellow silver golden diamond
secret secret1 changeme default guest test test123 testing temp temp123 pass pass123 passwd
qwertyui asdf1234 zaq12wsx !qaz2wsx q1w2e3r4 q1w2e3r4t5 1q2w3e4r5t6y 1a2b3c4d a1b2c3d4 zaq1zaq1
letmein1 welcome1 welcome123 monkey1 dragon1 master1 shadow1 sunshine1 princess1 football1
iloveyou1 michael1 charlie1 jordan23 hello123 abc12345 internet cookie maggie ginger buddy
chocolate bailey biteme blahblah qwertyu mypassword password2 password12 password01 pa55word
p@ssw0rd p@ssword passw0rd1 letme1n adminadmin root toor administrator1 superuser manager
school teacher teachers student students classroom headteacher headmaster office schooloffice
safeguarding primary secondary academy junior infant nursery governor governors pupil pupils
homework library staffroom playground register attendance education learning science maths
english history doorstep camunda tasklist cockpit visiting visitor homevisit
""".split()

WORDS = """
password passw0rd p@ssw0rd p@ssword pa55word qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm iloveyou
welcome letmein monkey dragon football baseball soccer hockey master shadow sunshine princess
superman batman starwars trustno1 freedom whatever charlie michael jessica ashley daniel thomas
jennifer hunter buster tigger pepper ranger summer winter autumn spring london chelsea arsenal
liverpool manchester tottenham england scotland cheese flower hannah samantha nicole amanda
admin administrator changeme default secret guest test testing login access hello computer
internet chocolate butterfly purple orange silver golden diamond angel lovely babygirl school
teacher student classroom headteacher headmaster office safeguarding primary academy junior
infant nursery governor pupils homework library playground register attendance education
doorstep camunda visitor homevisit january february march april may june july august september
october november december monday friday christmas easter holiday holidays family friends
mother father mummy daddy sister brother jesus blessed faith heaven football1 letmein1
""".split()

SEASONS = ["spring", "summer", "autumn", "winter", "fall", "january", "february", "march", "april",
           "may", "june", "july", "august", "september", "october", "november", "december",
           "christmas", "easter", "welcome", "password", "monday", "friday"]
WALKS = ["qwertyuiop", "qwertyuiop[]", "asdfghjkl;'", "asdfghjkl", "zxcvbnm,./", "1qaz2wsx3edc",
         "1qaz2wsx3edc4rfv", "qazwsxedcrfv", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "q1w2e3r4t5y6",
         "q1w2e3r4t5y6u7", "!qaz@wsx#edc", "zaq12wsxcde3", "zaq1xsw2cde3", "qwertyasdfgh",
         "qwertyuiopasdfghjkl", "asdfghjklqwertyuiop", "qweasdzxc123", "123qweasdzxc",
         "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "qwerty123456", "qwertyqwerty", "asdfasdfasdf",
         "abcdefghijkl", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz", "abc123abc123",
         "aaaaaaaaaaaa", "password1234", "passwordpassword", "iloveyouiloveyou"]


def digit_runs():
    runs = set()
    for length in range(6, 21):
        for d in "0123456789":
            runs.add(d * length)
        runs.add("".join(str(i % 10) for i in range(1, length + 1)))
        runs.add("".join(str(i % 10) for i in range(0, length)))
        runs.add("".join(str((10 - i) % 10) for i in range(1, length + 1)))
        runs.add("".join(str(9 - (i % 10)) for i in range(0, length)))
    for pair in ["12", "21", "69", "11", "00", "13", "123", "321", "1234", "12345", "123123"]:
        runs.add((pair * 20)[:12])
        runs.add(pair * 2)
        runs.add(pair * 3)
        runs.add(pair * 4)
    return runs


def main():
    out = set(w.lower() for w in TOP) | set(WALKS) | digit_runs()
    # Digits, years and symbols appended to a word need no entries of their own: the rule strips
    # them from the candidate before looking it up ("Summer2026!" is "summer").
    out |= set(WORDS) | set(SEASONS)
    for first in WORDS + SEASONS:
        out.add(first + first)
        for second in ["123", "love", "my", "the", "iloveyou"]:
            out.add(second + first)
    header = [
        "# Commonly used passwords, refused by Doorstep's password policy (security.PasswordRules).",
        "# Compared lower-case, also with trailing digits/symbols removed from the candidate.",
        "# Generated by tools/generate-common-passwords.py; see its docstring for where the words come from.",
    ]
    target = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/security/common-passwords.txt"
    target.write_text("\n".join(header + sorted(out)) + "\n", encoding="utf-8")
    print(f"{len(out)} passwords written to {target}")


if __name__ == "__main__":
    main()
