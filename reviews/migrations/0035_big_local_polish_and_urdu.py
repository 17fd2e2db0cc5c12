"""The Big Local framework, version 1, in Polish and Urdu: its instruction, its
column headings, and each statement's words and help.

Written for this product in plain words at the reading level of the English, and
not yet checked by a fluent speaker: both are left unchecked (shown as drafts)
until Local Trust staff mark them checked. Only rows that do not exist yet are
added, so words already edited in the admin are kept. Data migration kept apart
from schema ones; it uses historical models only.
"""

from django.db import migrations

# language: (instruction, then, now, like, comments prompt,
#            "What this means", "A low rating...", "A high rating...")
VERSION = {
    "pl": (
        "W skali od 1 do 10, gdzie 1 to najmniej, a 10 to najwięcej: w jakim "
        "stopniu poniższe zdania pasują do relacji waszego LTO z partnerstwem Big "
        "Local? W kolumnie A oceń, jak było na początku programu, a w kolumnie B, "
        "jak jest teraz.",
        "Jaka była relacja na początku?",
        "Jaka jest relacja teraz?",
        "Jaka, według Ciebie, powinna być relacja?",
        "Czy chcesz coś jeszcze dodać?",
        "Co to znaczy",
        "Niska ocena może wyglądać tak",
        "Wysoka ocena może wyglądać tak",
    ),
    "ur": (
        "1 سے 10 کے پیمانے پر، جہاں 1 سب سے کم اور 10 سب سے زیادہ ہے، بتائیں کہ "
        "نیچے دیے گئے بیانات آپ کے ایل ٹی او (LTO) اور بگ لوکل شراکت داری کے "
        "تعلق پر کتنے پورے اترتے ہیں۔ کالم A میں بتائیں کہ پروگرام کے شروع میں "
        "حالات کیسے تھے، اور کالم B میں بتائیں کہ اب کیسے ہیں۔",
        "شروع میں تعلق کیسا تھا؟",
        "اب تعلق کیسا ہے؟",
        "آپ تعلق کو کیسا دیکھنا چاہیں گے؟",
        "کیا آپ کچھ اور کہنا چاہیں گے؟",
        "اس کا مطلب کیا ہے",
        "کم درجہ بندی کچھ ایسی دکھ سکتی ہے",
        "زیادہ درجہ بندی کچھ ایسی دکھ سکتی ہے",
    ),
}

# key: {language: (statement, short label, what it means, low, high)}
STATEMENTS = {
    "confidence-voice": {
        "pl": (
            "LTO dało mieszkańcom pewność siebie i głos",
            "Pewność siebie i głos",
            "Mieszkańcy czują się pewnie, gdy zabierają głos. LTO ich słucha i "
            "pomaga, żeby inni też ich usłyszeli.",
            "Mieszkańcy milczą na spotkaniach z LTO. Decyzje wydają się należeć do "
            "LTO, a nie do nich. Ludzie mówią, że nie ma sensu pytać.",
            "Mieszkańcy zabierają głos i są wysłuchani. Prowadzą spotkania, "
            "rozmawiają z radą (council) albo z lokalną gazetą i czują, że to oni "
            "decydują o pieniądzach.",
        ),
        "ur": (
            "ایل ٹی او نے رہائشیوں کو اعتماد اور آواز دی ہے",
            "اعتماد اور آواز",
            "رہائشی بات کرتے وقت خود پر بھروسا محسوس کرتے ہیں۔ ایل ٹی او ان کی بات "
            "سنتا ہے اور دوسروں تک ان کی آواز پہنچانے میں مدد کرتا ہے۔",
            "ایل ٹی او کے ساتھ میٹنگوں میں رہائشی خاموش رہتے ہیں۔ فیصلے ایل ٹی او کے "
            "لگتے ہیں، ان کے نہیں۔ لوگ کہتے ہیں کہ پوچھنے کا کوئی فائدہ نہیں۔",
            "رہائشی کھل کر بات کرتے ہیں اور ان کی بات سنی جاتی ہے۔ وہ میٹنگیں چلاتے "
            "ہیں، کونسل یا مقامی اخبار سے بات کرتے ہیں، اور محسوس کرتے ہیں کہ پیسے "
            "کا فیصلہ انہی کا ہے۔",
        ),
    },
    "mentoring-skills": {
        "pl": (
            "Wspierało mieszkańców radą i rozwijało ich umiejętności",
            "Wsparcie i umiejętności",
            "LTO pomogło mieszkańcom nauczyć się różnych rzeczy: pokazując, jak to "
            "zrobić, doradzając albo znajdując dla nich szkolenia.",
            "Tylko LTO wie, jak prowadzić budżet, umowy czy zatrudnianie. Nikt nie "
            "pokazuje tego mieszkańcom, więc zawsze muszą pytać.",
            "Mieszkańcy nauczyli się nowych rzeczy, na przykład prowadzenia "
            "spotkania, czytania budżetu albo pisania wniosku o pieniądze. Ktoś z "
            "LTO pomaga, gdy utkną.",
        ),
        "ur": (
            "رہائشیوں کی رہنمائی کی اور ان کی مہارتیں بڑھائیں",
            "رہنمائی اور مہارتیں",
            "ایل ٹی او نے رہائشیوں کو کام کرنا سکھایا ہے: خود کر کے دکھا کر، "
            "رہنمائی دے کر یا ان کے لیے تربیت ڈھونڈ کر۔",
            "بجٹ، معاہدے یا بھرتی کا کام صرف ایل ٹی او کو آتا ہے۔ کوئی رہائشیوں کو "
            "نہیں سکھاتا، اس لیے انہیں ہر بار پوچھنا پڑتا ہے۔",
            "رہائشیوں نے نئی مہارتیں سیکھی ہیں، جیسے میٹنگ چلانا، بجٹ سمجھنا یا "
            "فنڈ کی درخواست لکھنا۔ جب وہ کہیں اٹک جائیں تو ایل ٹی او میں کوئی مدد "
            "کرتا ہے۔",
        ),
    },
    "aspiration-ambition": {
        "pl": (
            "Pomogło obudzić marzenia i ambicje",
            "Marzenia i ambicje",
            "LTO pomogło mieszkańcom marzyć o większych rzeczach i uwierzyć, że ich "
            "plany dla okolicy mogą się spełnić.",
            "Pomysły są odrzucane, zanim ktoś je wypróbuje. Partnerstwo trzyma się "
            "małych, bezpiecznych projektów, bo nikt nie wierzy, że da się więcej.",
            "LTO chętnie przyjmuje duże pomysły i pomaga zamienić je w prawdziwe "
            "plany. Mieszkańcy czują, że ich okolica może się zmienić i że to oni "
            "mogą tego dokonać.",
        ),
        "ur": (
            "امیدیں اور حوصلے بڑھانے میں مدد کی",
            "امیدیں اور حوصلے",
            "ایل ٹی او نے رہائشیوں کو بڑے خواب دیکھنے اور یہ یقین کرنے میں مدد دی ہے "
            "کہ علاقے کے لیے ان کے منصوبے پورے ہو سکتے ہیں۔",
            "خیالات کو آزمانے سے پہلے ہی رد کر دیا جاتا ہے۔ شراکت داری چھوٹے، محفوظ "
            "منصوبوں تک محدود رہتی ہے کیونکہ کسی کو یقین نہیں کہ اس سے زیادہ ممکن ہے۔",
            "ایل ٹی او بڑے خیالات کا خیر مقدم کرتا ہے اور انہیں حقیقی منصوبوں میں "
            "بدلنے میں مدد کرتا ہے۔ رہائشی محسوس کرتے ہیں کہ ان کا علاقہ بدل سکتا ہے "
            "اور وہ یہ تبدیلی لا سکتے ہیں۔",
        ),
    },
    "spaces-assets": {
        "pl": (
            "Dało dostęp do miejsc, budynków i zasobów",
            "Miejsca i zasoby",
            "LTO pomogło partnerstwu korzystać z budynków, sal, terenu albo "
            "sprzętu: na przykład z miejsca na spotkania albo z budynku, który "
            "partnerstwo prowadzi.",
            "Partnerstwu trudno znaleźć salę na spotkania czy wydarzenia. Podpisanie "
            "najmu albo korzystanie z budynku LTO to dużo zachodu.",
            "Partnerstwo ma gdzie się spotykać i pracować. LTO pomogło mu wynająć, "
            "utrzymać albo zadbać o budynek, teren czy sprzęt.",
        ),
        "ur": (
            "جگہوں اور اثاثوں تک رسائی دی",
            "جگہیں اور اثاثے",
            "ایل ٹی او نے شراکت داری کو عمارتیں، کمرے، زمین یا سامان استعمال کرنے "
            "میں مدد دی ہے، جیسے ملنے کی جگہ یا چلانے کے لیے کوئی عمارت۔",
            "شراکت داری کو میٹنگوں یا تقریبات کے لیے کمرہ ڈھونڈنے میں مشکل ہوتی ہے۔ "
            "کرایہ نامہ لینا یا ایل ٹی او کی عمارت استعمال کرنا بہت مشکل کام ہے۔",
            "شراکت داری کے پاس ملنے اور کام کرنے کی جگہیں ہیں۔ ایل ٹی او نے اسے "
            "عمارت، زمین یا سامان کرائے پر لینے، رکھنے یا سنبھالنے میں مدد دی ہے۔",
        ),
    },
    "employing-workers": {
        "pl": (
            "Umożliwiło mieszkańcom zatrudnianie pracowników",
            "Zatrudnianie pracowników",
            "LTO umożliwiło partnerstwu zatrudnianie płatnych pracowników, na "
            "przykład zatrudniając ich w imieniu partnerstwa, wypłacając im pensje "
            "i dbając o nich.",
            "Zatrudnianie trwa bardzo długo albo w ogóle do niego nie dochodzi. "
            "Pracownicy nie wiedzą, kto jest ich szefem, albo mieszkańcy nie mają "
            "wpływu na to, co robią pracownicy.",
            "Partnerstwo ma pracowników, których potrzebuje. LTO zajmuje się "
            "umowami i wypłatami, a mieszkańcy pomagają decydować, czym zajmują się "
            "pracownicy.",
        ),
        "ur": (
            "رہائشیوں کے لیے کارکن رکھنا ممکن بنایا",
            "کارکن رکھنا",
            "ایل ٹی او نے شراکت داری کے لیے تنخواہ دار کارکن رکھنا ممکن بنایا ہے، "
            "مثلاً شراکت داری کی طرف سے انہیں ملازم رکھ کر، تنخواہ دے کر اور ان کا "
            "خیال رکھ کر۔",
            "بھرتی میں بہت وقت لگتا ہے یا ہوتی ہی نہیں۔ کارکنوں کو معلوم نہیں کہ ان "
            "کا افسر کون ہے، یا رہائشیوں کی اس میں کوئی رائے نہیں کہ کارکن کیا کام "
            "کریں۔",
            "شراکت داری کے پاس ضرورت کے کارکن موجود ہیں۔ ایل ٹی او معاہدے اور "
            "تنخواہیں سنبھالتا ہے، اور رہائشی یہ طے کرنے میں حصہ لیتے ہیں کہ کارکن "
            "کیا کریں۔",
        ),
    },
    "funding-contracts": {
        "pl": (
            "Dało dostęp do pieniędzy i umów",
            "Pieniądze i umowy",
            "LTO pomogło partnerstwu zdobywać pieniądze i nimi zarządzać: pilnować "
            "pieniędzy Big Local, szukać innych źródeł pieniędzy i zawierać umowy z "
            "osobami, które pracują dla partnerstwa.",
            "Płatności są powolne albo niejasne. Partnerstwo nie wie, ile pieniędzy "
            "mu zostało. Nikt nie pomaga mu szukać innych pieniędzy.",
            "Rachunki są płacone na czas, a partnerstwo dostaje jasne informacje o "
            "swoich pieniądzach. LTO pomaga mu starać się o inne pieniądze i "
            "zawiera uczciwe umowy.",
        ),
        "ur": (
            "فنڈز اور معاہدوں تک رسائی دی",
            "فنڈز اور معاہدے",
            "ایل ٹی او نے شراکت داری کو پیسہ حاصل کرنے اور سنبھالنے میں مدد دی ہے: "
            "بگ لوکل کے پیسے کی دیکھ بھال، دوسرے فنڈ ڈھونڈنا، اور شراکت داری کے لیے "
            "کام کرنے والوں سے معاہدے کرنا۔",
            "ادائیگیاں دیر سے ہوتی ہیں یا الجھی ہوئی ہوتی ہیں۔ شراکت داری کو معلوم "
            "نہیں کہ اس کے پاس کتنا پیسہ بچا ہے۔ دوسرے فنڈ ڈھونڈنے میں کوئی مدد "
            "نہیں کرتا۔",
            "بل وقت پر ادا ہوتے ہیں اور شراکت داری کو اپنے پیسے کی واضح رپورٹیں "
            "ملتی ہیں۔ ایل ٹی او دوسرے فنڈ کے لیے درخواست دینے میں مدد کرتا ہے اور "
            "منصفانہ معاہدے کرتا ہے۔",
        ),
    },
    "networks": {
        "pl": (
            "Połączyło mieszkańców z ludźmi i organizacjami, które mogą pomóc",
            "Kontakty",
            "LTO poznało mieszkańców z innymi ludźmi i grupami, które mogą pomóc, "
            "na przykład z organizacjami charytatywnymi, radą (council), lokalnymi "
            "firmami i innymi okolicami Big Local.",
            "Partnerstwo działa samo. Mieszkańcy nie wiedzą, z kim się kontaktować "
            "poza okolicą, a LTO zatrzymuje swoje kontakty dla siebie.",
            "LTO dzieli się kontaktami i łączy ludzi. Mieszkańcy wiedzą, do kogo "
            "zadzwonić, i są zapraszani na lokalne spotkania i wydarzenia.",
        ),
        "ur": (
            "رہائشیوں کو لوگوں اور تنظیموں کے نیٹ ورک سے جوڑا",
            "رابطے",
            "ایل ٹی او نے رہائشیوں کو ایسے لوگوں اور گروپوں سے ملوایا ہے جو مدد کر "
            "سکتے ہیں، جیسے خیراتی ادارے، کونسل، مقامی کاروبار اور دوسرے بگ لوکل "
            "علاقے۔",
            "شراکت داری اکیلے کام کرتی ہے۔ رہائشیوں کو معلوم نہیں کہ علاقے سے باہر "
            "کس سے رابطہ کریں، اور ایل ٹی او اپنے رابطے اپنے تک رکھتا ہے۔",
            "ایل ٹی او اپنے رابطے بانٹتا ہے اور لوگوں کو آپس میں ملاتا ہے۔ رہائشی "
            "جانتے ہیں کہ کس کو فون کرنا ہے، اور انہیں مقامی میٹنگوں اور تقریبات "
            "میں بلایا جاتا ہے۔",
        ),
    },
    "governance-risk": {
        "pl": (
            "Zapewniło dobre zarządzanie i pilnowanie ryzyka",
            "Zarządzanie i ryzyko",
            "LTO pomogło partnerstwu działać porządnie i bezpiecznie: jasne "
            "zasady, dobre dokumenty i myślenie z wyprzedzeniem o tym, co może pójść "
            "nie tak.",
            "Nikt nie wie, kto o czym decyduje. Brakuje zasad i dokumentów albo "
            "wydają się one sposobem, żeby odmówić. Problemy zaskakują wszystkich.",
            "Partnerstwo ma jasne zasady i role. LTO wyjaśnia, co musi sprawdzać i "
            "dlaczego. Ryzyka są zauważane wcześnie i omawiane otwarcie.",
        ),
        "ur": (
            "مؤثر انتظام اور خطروں کی دیکھ بھال فراہم کی",
            "انتظام اور خطرے",
            "ایل ٹی او نے شراکت داری کو صحیح اور محفوظ طریقے سے چلنے میں مدد دی ہے: "
            "واضح اصول، اچھا ریکارڈ، اور پہلے سے سوچنا کہ کیا غلط ہو سکتا ہے۔",
            "کسی کو معلوم نہیں کہ کون کیا فیصلہ کرتا ہے۔ اصول اور کاغذات موجود "
            "نہیں، یا انکار کرنے کا بہانہ لگتے ہیں۔ مسائل اچانک سامنے آتے ہیں۔",
            "شراکت داری کے اصول اور ذمہ داریاں واضح ہیں۔ ایل ٹی او بتاتا ہے کہ اسے "
            "کون سی جانچ کرنی ہوتی ہے اور کیوں۔ خطرے جلدی پہچان لیے جاتے ہیں اور ان "
            "پر کھل کر بات ہوتی ہے۔",
        ),
    },
    "decision-making": {
        "pl": (
            "Dało mieszkańcom dostęp do miejsc, gdzie zapadają decyzje",
            "Miejsca decyzji",
            "LTO pomogło mieszkańcom zasiąść przy stole tam, gdzie zapadają decyzje "
            "o ich okolicy, na przykład na posiedzeniach rady (council), w "
            "lokalnych zarządach albo w zarządzie samego LTO.",
            "Decyzje o okolicy zapadają bez mieszkańców. Dowiadują się o nich po "
            "fakcie albo nie wiedzą, jak wziąć w nich udział.",
            "Mieszkańcy są zapraszani na spotkania, na których zapadają ważne "
            "decyzje. Wiedzą, jak te spotkania przebiegają, a ich zdanie jest "
            "traktowane poważnie.",
        ),
        "ur": (
            "رہائشیوں کو فیصلہ سازی کے اداروں تک رسائی دی",
            "فیصلہ سازی",
            "ایل ٹی او نے رہائشیوں کو ان جگہوں پر بیٹھنے میں مدد دی ہے جہاں ان کے "
            "علاقے کے فیصلے ہوتے ہیں، جیسے کونسل کی میٹنگیں، مقامی بورڈ یا خود ایل "
            "ٹی او کا بورڈ۔",
            "علاقے کے فیصلے رہائشیوں کے بغیر ہو جاتے ہیں۔ انہیں بعد میں پتہ چلتا "
            "ہے، یا وہ نہیں جانتے کہ ان میں کیسے حصہ لیں۔",
            "رہائشیوں کو ان میٹنگوں میں بلایا جاتا ہے جہاں بڑے فیصلے ہوتے ہیں۔ وہ "
            "جانتے ہیں کہ یہ میٹنگیں کیسے چلتی ہیں، اور ان کی رائے کو سنجیدگی سے "
            "لیا جاتا ہے۔",
        ),
    },
    "sustainable-partnership": {
        "pl": (
            "Zbudowało trwałe partnerstwo mieszkańców na przyszłość",
            "Trwałe partnerstwo",
            "LTO pomogło partnerstwu przygotować się do działania po tym, jak "
            "skończą się pieniądze Big Local, na przykład przez planowanie, "
            "rozwijanie umiejętności albo założenie własnej organizacji.",
            "Nikt nie rozmawiał o tym, co się stanie, gdy skończą się pieniądze. "
            "Partnerstwo prawie we wszystkim polega na LTO.",
            "Partnerstwo ma plan na przyszłość. Mogłoby działać dalej bez LTO albo "
            "z LTO w nowej roli, a mieszkańcy czują się na to gotowi.",
        ),
        "ur": (
            "مستقبل کے لیے رہائشیوں کی پائیدار شراکت داری بنائی",
            "پائیدار شراکت داری",
            "ایل ٹی او نے شراکت داری کو بگ لوکل کا پیسہ ختم ہونے کے بعد بھی چلتے "
            "رہنے کے لیے تیار ہونے میں مدد دی ہے، مثلاً آگے کی منصوبہ بندی کر کے، "
            "مہارتیں بڑھا کر یا اپنی تنظیم بنا کر۔",
            "کسی نے بات نہیں کی کہ پیسہ ختم ہونے پر کیا ہوگا۔ شراکت داری تقریباً ہر "
            "چیز کے لیے ایل ٹی او پر انحصار کرتی ہے۔",
            "شراکت داری کے پاس مستقبل کا منصوبہ ہے۔ وہ ایل ٹی او کے بغیر، یا ایل ٹی "
            "او کے کسی نئے کردار کے ساتھ، چل سکتی ہے، اور رہائشی خود کو تیار محسوس "
            "کرتے ہیں۔",
        ),
    },
}


def help_text(language: str, means: str, low: str, high: str) -> str:
    """In the shape of the English help (migration 0011): three paragraphs."""
    *_, means_heading, low_heading, high_heading = VERSION[language]
    return f"{means_heading}: {means}\n\n{low_heading}: {low}\n\n{high_heading}: {high}"


def add_translations(apps, schema_editor):
    FrameworkVersion = apps.get_model("reviews", "FrameworkVersion")
    VersionTranslation = apps.get_model("reviews", "VersionTranslation")
    StatementTranslation = apps.get_model("reviews", "StatementTranslation")
    version = FrameworkVersion.objects.filter(
        framework__slug="big-local", number=1
    ).first()
    if version is None:
        return
    for language, words in VERSION.items():
        instruction, then, now, like, comments, *_ = words
        VersionTranslation.objects.get_or_create(
            version=version,
            language=language,
            defaults={
                "instruction": instruction,
                "then_label": then,
                "now_label": now,
                "like_label": like,
                "comments_prompt": comments,
            },
        )
        for statement in version.statements.filter(key__in=STATEMENTS):
            text, label, means, low, high = STATEMENTS[statement.key][language]
            StatementTranslation.objects.get_or_create(
                statement=statement,
                language=language,
                defaults={
                    "text": text,
                    "short_label": label,
                    "help_text": help_text(language, means, low, high),
                },
            )


def remove_translations(apps, schema_editor):
    VersionTranslation = apps.get_model("reviews", "VersionTranslation")
    StatementTranslation = apps.get_model("reviews", "StatementTranslation")
    filters = {"language__in": list(VERSION)}
    StatementTranslation.objects.filter(
        statement__version__framework__slug="big-local",
        statement__version__number=1,
        **filters,
    ).delete()
    VersionTranslation.objects.filter(
        version__framework__slug="big-local", version__number=1, **filters
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0034_framework_translations")]

    operations = [migrations.RunPython(add_translations, remove_translations)]
