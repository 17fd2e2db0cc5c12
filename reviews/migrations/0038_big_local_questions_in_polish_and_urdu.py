"""The Big Local framework's questions to open with (0033) in Polish and Urdu.

Written for this product in plain words at the reading level of the English,
and, like the rest of the framework's Polish and Urdu (0035), not yet checked by
a fluent speaker: the version's translation stays a draft until Local Trust
staff mark it checked.

Every Big Local version gets them, a version copied from version 1 before this
migration included, but only for a question whose English is still the one
written in 0033: a question reworded in the admin keeps no translation of words
it no longer says. A translation that already exists is kept, so words edited
in the admin stay; going back removes only the translations written here.

Data migration kept apart from schema ones; it uses historical models only.
"""

from importlib import import_module

from django.db import migrations

ENGLISH = import_module("reviews.migrations.0033_big_local_opening_questions").QUESTIONS
GAP, DISAGREEMENT, SPLIT, UNKNOWN = "gap", "disagreement", "split", "unknown"

# language: {statement key: {kind: questions in the English's order}}
TRANSLATIONS = {
    "pl": {
        "confidence-voice": {
            GAP: (
                "Kiedy mieszkańcy ostatnio czuli, że LTO ich słucha, i co wtedy "
                "zrobiło różnicę?",
                "Co robi LTO, żeby mieszkańców było słychać? Co z tego widzą "
                "członkowie partnerstwa, a czego mogą nie widzieć?",
            ),
            DISAGREEMENT: (
                "Komu łatwo jest zabrać głos na spotkaniach partnerstwa, a komu "
                "trudniej? Co by pomogło?",
                "Czy każdy z was może opisać chwilę, gdy czuł, że ma głos, albo że "
                "go nie ma?",
            ),
            SPLIT: (
                "Ci, którzy czują się teraz pewniej: co się zmieniło? Ci, którzy "
                "czują się mniej pewnie: co zmieniło się dla was?",
            ),
            UNKNOWN: (
                "Po czym poznalibyście, że LTO pomogło mieszkańcom zabrać głos? Na "
                "co zwrócilibyście uwagę?",
                "Gdzie spotykają się mieszkańcy i LTO, i kto zwykle tam jest?",
            ),
        },
        "mentoring-skills": {
            GAP: (
                "Czego ktoś nauczył się dzięki partnerstwu, czego wcześniej nie "
                "umiał? Kto pomógł?",
                "Jaką pomoc w zdobywaniu umiejętności LTO, według siebie, daje? Jak "
                "członkowie mogą o nią poprosić?",
            ),
            DISAGREEMENT: (
                "Komu pokazano, jak coś zrobić, a kto nie miał jeszcze takiej okazji?",
                "Jakie umiejętności najbardziej pomogłyby teraz partnerstwu?",
            ),
            SPLIT: (
                "Czy od początku zmieniła się pomoc w zdobywaniu umiejętności, czy "
                "raczej zmieniły się umiejętności, których potrzebuje partnerstwo?",
            ),
            UNKNOWN: (
                "Czy w LTO jest ktoś, kogo można poprosić o pomoc z budżetem, "
                "wnioskiem o pieniądze albo spotkaniem? Jak członkowie mogą się o "
                "tym dowiedzieć?",
                "Jak wyglądałoby dobre wsparcie i doradztwo dla tego partnerstwa?",
            ),
        },
        "aspiration-ambition": {
            GAP: (
                "Przypomnijcie sobie duży pomysł partnerstwa. Co się z nim stało? "
                "Kto pomógł, a kto go powstrzymał?",
                "Co robi LTO, żeby plany mogły rosnąć, i czego z tego członkowie "
                "mogą nie widzieć?",
            ),
            DISAGREEMENT: (
                "Co każdy z was chciałby, żeby partnerstwo mogło robić, a czego "
                "teraz nie może?",
                "Kiedy partnerstwo ostatnio miało duże ambicje? Co się wtedy działo?",
            ),
            SPLIT: (
                "Ci, którzy oceniają to teraz wyżej: co dodało wam nadziei? Ci, "
                "którzy oceniają to niżej: co wam jej odebrało?",
            ),
            UNKNOWN: (
                "Gdzie rozmawia się o nowych pomysłach dla okolicy i czy LTO bierze "
                "udział w tych rozmowach?",
                "Jak by to wyglądało, gdyby LTO pomogło partnerstwu mierzyć wyżej?",
            ),
        },
        "spaces-assets": {
            GAP: (
                "Z jakich miejsc lub sprzętu korzysta partnerstwo i jak je zdobyło?",
                "Co LTO robi za kulisami w sprawie najmu, sal czy sprzętu, czego "
                "członkowie mogą nie widzieć?",
            ),
            DISAGREEMENT: (
                "Komu łatwo jest dostać salę albo skorzystać ze sprzętu, a komu "
                "trudno? Co przeszkadza?",
                "Które miejsce lub który zasób jest najważniejszy dla planów "
                "partnerstwa?",
            ),
            SPLIT: (
                "Czy od początku zmienił się dostęp do miejsc, czy raczej to, czego "
                "partnerstwo od nich potrzebuje?",
            ),
            UNKNOWN: (
                "Kto dba o miejsca i sprzęt partnerstwa i jak członkowie dowiadują "
                "się, co jest dostępne?",
                "Czy partnerstwo potrzebuje tego od LTO, czy od kogoś innego?",
            ),
        },
        "employing-workers": {
            GAP: (
                "Jak partnerstwo, pracownicy i LTO dzielą między siebie to, kto o "
                "czym decyduje w pracy pracownika?",
                "Co LTO robi jako pracodawca, czego członkowie mogą nie widzieć? A "
                "co członkowie chcieliby widzieć?",
            ),
            DISAGREEMENT: (
                "Jak dla każdego z was wyglądała współpraca z płatnymi pracownikami?",
                "Do kogo pracownik zwraca się z pytaniem i czy wszyscy to wiedzą?",
            ),
            SPLIT: (
                "Co od początku zmieniło się w zatrudnianiu pracowników: ludzie, "
                "ich zadania czy sposób, w jaki wszystko jest ułożone?",
            ),
            UNKNOWN: (
                "Jak są zatrudnieni pracownicy partnerstwa i kto mógłby to wyjaśnić "
                "członkom?",
                "Czy pomogłoby omówić krok po kroku, jak pracownik jest zatrudniany "
                "i kto nim kieruje?",
            ),
        },
        "funding-contracts": {
            GAP: (
                "Co się dzieje od chwili, gdy partnerstwo decyduje o wydaniu "
                "pieniędzy, do chwili, gdy pieniądze zostają wypłacone? Kto co "
                "robi?",
                "Co z pracy LTO przy pieniądzach i umowach członkowie widzą, a "
                "czego nie widzą?",
            ),
            DISAGREEMENT: (
                "Czy każdy z was może opisać ostatni grant albo ostatnią umowę, "
                "przy których pomagał? Co poszło dobrze, a co było trudne?",
                "Która część zdobywania pieniędzy lub umów wydaje się jasna, a "
                "która niejasna?",
            ),
            SPLIT: (
                "Czy od początku zmieniło się to, jak załatwia się pieniądze i "
                "umowy? Komu jest łatwiej, a komu trudniej?",
            ),
            UNKNOWN: (
                "Kogo członkowie zapytaliby o płatność, grant albo umowę?",
                "Czy krótkie omówienie tego, jak płyną pieniądze, pomogłoby "
                "wszystkim odpowiedzieć na to następnym razem?",
            ),
        },
        "networks": {
            GAP: (
                "Jakie osoby lub organizacje partnerstwo poznało dzięki LTO, a "
                "jakie innymi drogami?",
                "Które kontakty LTO mogłyby najbardziej przydać się partnerstwu i "
                "jak członkowie mogliby poznać tych ludzi?",
            ),
            DISAGREEMENT: (
                "Kto w partnerstwie ma dużo kontaktów, a kto chciałby mieć ich "
                "więcej? Co by pomogło?",
                "Który kontakt naprawdę coś zmienił dla okolicy?",
            ),
            SPLIT: (
                "Czy od początku kontaktów partnerstwa przybyło, czy ubyło? Co się "
                "stało?",
            ),
            UNKNOWN: (
                "Do jakich sieci należy LTO? Kto mógłby opowiedzieć o nich członkom?",
                "Jakie osoby lub grupy partnerstwo najbardziej chciałoby poznać?",
            ),
        },
        "governance-risk": {
            GAP: (
                "Co z pracy LTO przy zarządzaniu członkowie partnerstwa widzą, a "
                "czego nie widzą?",
                "Gdy decyzja wiąże się z ryzykiem, jak partnerstwo i LTO ją razem "
                "omawiają?",
            ),
            DISAGREEMENT: (
                "W czym pomagają zasady i kontrole partnerstwa, a kiedy przeszkadzają?",
                "Pomyślcie o sytuacji, gdy coś poszło źle albo prawie poszło źle. "
                "Jak sobie z tym poradzono i jak się wtedy czuliście?",
            ),
            SPLIT: (
                "Co od początku zmieniło się w tym, jak decyzje są sprawdzane i "
                "zapisywane?",
            ),
            UNKNOWN: (
                "Kto dba o porządek w dokumentach, zasadach i ubezpieczeniu "
                "partnerstwa? Jak członkowie mogą się o tym dowiedzieć?",
                "Czy pomogłoby, gdyby LTO wyjaśniło, co sprawdza przed wydaniem "
                "pieniędzy i dlaczego?",
            ),
        },
        "decision-making": {
            GAP: (
                "Które decyzje podejmuje partnerstwo, a które LTO? Czy wszyscy "
                "widzą to tak samo?",
                "Gdzie zapadają decyzje dotyczące okolicy, w których mieszkańcy "
                "chcieliby brać udział?",
            ),
            DISAGREEMENT: (
                "Pomyślcie o niedawnej decyzji. Kto był wtedy przy stole, a kogo "
                "nie było?",
                "Co pomogłoby wszystkim poczuć, że mają udział w decyzjach "
                "partnerstwa?",
            ),
            SPLIT: (
                "Ci, którzy czują się teraz bardziej zaangażowani: co się "
                "zmieniło? Ci, którzy czują się mniej zaangażowani: co się "
                "zmieniło?",
            ),
            UNKNOWN: (
                "Gdzie zapadają decyzje, które dotyczą partnerstwa, i jak "
                "członkowie się o nich dowiadują?",
                "Czy pomogłaby prosta mapa tego, kto o czym decyduje?",
            ),
        },
        "sustainable-partnership": {
            GAP: (
                "Co partnerstwo powinno umieć robić samo za kilka lat, a w czym "
                "nadal będzie chciało pomocy?",
                "Co LTO robi teraz z myślą o przyszłości, czego członkowie mogą nie "
                "widzieć?",
            ),
            DISAGREEMENT: (
                "Jak według każdego z was wygląda partnerstwo, które przetrwa?",
                "Co musiałoby być gotowe, żeby partnerstwo działało dalej, gdy "
                "skończą się pieniądze?",
            ),
            SPLIT: (
                "Ci, którzy patrzą teraz na przyszłość z większą nadzieją: "
                "dlaczego? Ci, którzy mają mniej nadziei: co was martwi?",
            ),
            UNKNOWN: (
                "Czy partnerstwo rozmawiało o tym, co będzie po zakończeniu "
                "programu? Kto mógłby zacząć tę rozmowę?",
                "Co musielibyście wiedzieć, żeby odpowiedzieć na to następnym razem?",
            ),
        },
    },
    "ur": {
        "confidence-voice": {
            GAP: (
                "رہائشیوں نے آخری بار کب محسوس کیا کہ ایل ٹی او ان کی بات سن رہا "
                "ہے، اور اُس بار کس چیز نے فرق ڈالا؟",
                "ایل ٹی او رہائشیوں کی آواز سنی جانے کے لیے کیا کرتا ہے؟ اس میں سے "
                "شراکت داری کے ارکان کیا دیکھتے ہیں، اور کیا شاید نہیں دیکھتے؟",
            ),
            DISAGREEMENT: (
                "شراکت داری کی میٹنگوں میں کس کے لیے بولنا آسان ہے، اور کس کے لیے "
                "مشکل؟ کس چیز سے مدد ملے گی؟",
                "کیا آپ میں سے ہر ایک کوئی ایسا لمحہ بتا سکتا ہے جب آپ کو لگا کہ "
                "آپ کی آواز ہے، یا نہیں ہے؟",
            ),
            SPLIT: (
                "جو اب زیادہ پُراعتماد محسوس کرتے ہیں، ان کے لیے کیا بدلا؟ جو کم "
                "محسوس کرتے ہیں، آپ کے لیے کیا بدلا؟",
            ),
            UNKNOWN: (
                "آپ کو کیسے پتا چلے گا کہ ایل ٹی او نے رہائشیوں کو اپنی آواز "
                "ڈھونڈنے میں مدد دی ہے؟ آپ کن باتوں پر دھیان دیں گے؟",
                "رہائشی اور ایل ٹی او کہاں ملتے ہیں، اور عام طور پر وہاں کون ہوتا ہے؟",
            ),
        },
        "mentoring-skills": {
            GAP: (
                "کسی نے شراکت داری کے ذریعے ایسا کیا سیکھا ہے جو وہ پہلے نہیں کر "
                "سکتا تھا؟ کس نے مدد کی؟",
                "ایل ٹی او کے خیال میں وہ مہارتیں سیکھنے میں کیا مدد دیتا ہے، اور "
                "ارکان یہ مدد کیسے مانگ سکتے ہیں؟",
            ),
            DISAGREEMENT: (
                "کسے کام کرنے کا طریقہ دکھایا گیا ہے، اور کسے ابھی یہ موقع نہیں ملا؟",
                "اس وقت کون سی مہارتیں شراکت داری کے لیے سب سے زیادہ فرق ڈالیں گی؟",
            ),
            SPLIT: (
                "کیا شروع سے اب تک مہارتوں میں ملنے والی مدد بدلی ہے، یا وہ "
                "مہارتیں بدل گئی ہیں جن کی شراکت داری کو ضرورت ہے؟",
            ),
            UNKNOWN: (
                "کیا ایل ٹی او میں کوئی ایسا شخص ہے جس سے بجٹ، پیسوں کی درخواست یا "
                "میٹنگ میں مدد مانگی جا سکے؟ ارکان کو یہ کیسے پتا چلے گا؟",
                "اس شراکت داری کے لیے اچھی رہنمائی کیسی ہوگی؟",
            ),
        },
        "aspiration-ambition": {
            GAP: (
                "شراکت داری کے کسی بڑے خیال کے بارے میں سوچیں۔ اس کا کیا ہوا، اور "
                "کس نے مدد کی یا کس نے اسے روکا؟",
                "ایل ٹی او منصوبوں کو آگے بڑھانے کے لیے ایسا کیا کرتا ہے جو شاید "
                "ارکان کو نظر نہ آئے؟",
            ),
            DISAGREEMENT: (
                "آپ میں سے ہر ایک چاہے گا کہ شراکت داری ایسا کیا کر سکے جو وہ ابھی "
                "نہیں کر سکتی؟",
                "شراکت داری نے آخری بار کب بڑے ارادے رکھے؟ اُس وقت کیا ہو رہا تھا؟",
            ),
            SPLIT: (
                "جو اب اسے زیادہ درجہ دیتے ہیں، آپ کی امیدیں کس چیز نے بڑھائیں؟ جو "
                "کم درجہ دیتے ہیں، آپ کی امیدیں کس چیز نے کم کیں؟",
            ),
            UNKNOWN: (
                "علاقے کے لیے نئے خیالات پر کہاں بات ہوتی ہے، اور کیا ایل ٹی او اس "
                "بات چیت کا حصہ ہے؟",
                "اگر ایل ٹی او شراکت داری کو اونچے مقصد رکھنے میں مدد دے تو یہ کیسا "
                "نظر آئے گا؟",
            ),
        },
        "spaces-assets": {
            GAP: (
                "شراکت داری کون سی جگہیں یا سامان استعمال کرتی ہے، اور یہ اسے کیسے "
                "ملے؟",
                "ایل ٹی او کرائے کے معاہدوں، کمروں یا سامان کے لیے پسِ پردہ ایسا "
                "کیا کرتا ہے جو شاید ارکان کو نظر نہ آئے؟",
            ),
            DISAGREEMENT: (
                "کس کے لیے کمرہ لینا یا سامان استعمال کرنا آسان ہے، اور کس کے لیے "
                "مشکل؟ کیا چیز رکاوٹ بنتی ہے؟",
                "شراکت داری کے منصوبوں کے لیے کون سی جگہ یا اثاثہ سب سے زیادہ اہم ہے؟",
            ),
            SPLIT: (
                "کیا شروع سے اب تک جگہوں تک رسائی بدلی ہے، یا وہ بدل گیا ہے جو "
                "شراکت داری کو ان سے چاہیے؟",
            ),
            UNKNOWN: (
                "شراکت داری کی جگہوں اور سامان کی دیکھ بھال کون کرتا ہے، اور ارکان "
                "کو کیسے پتا چلتا ہے کہ کیا دستیاب ہے؟",
                "کیا شراکت داری کو یہ ایل ٹی او سے چاہیے، یا کسی اور سے؟",
            ),
        },
        "employing-workers": {
            GAP: (
                "کارکن کے کام میں کون کس بات کا فیصلہ کرتا ہے، یہ شراکت داری، "
                "کارکن اور ایل ٹی او آپس میں کیسے بانٹتے ہیں؟",
                "ایل ٹی او ملازم رکھنے والے کے طور پر ایسا کیا کرتا ہے جو شاید "
                "ارکان کو نظر نہ آئے، اور ارکان کیا دیکھنا چاہیں گے؟",
            ),
            DISAGREEMENT: (
                "آپ میں سے ہر ایک کے لیے تنخواہ دار کارکنوں کے ساتھ کام کرنا کیسا "
                "رہا ہے؟",
                "کارکن کوئی سوال لے کر کس کے پاس جاتا ہے، اور کیا یہ سب کو معلوم ہے؟",
            ),
            SPLIT: (
                "شروع سے اب تک کارکن رکھنے میں کیا بدلا ہے: لوگ، ان کے کام، یا "
                "انتظام کا طریقہ؟",
            ),
            UNKNOWN: (
                "شراکت داری کے کارکن کس طرح ملازم رکھے گئے ہیں، اور ارکان کو یہ "
                "کون سمجھا سکتا ہے؟",
                "کیا یہ مددگار ہوگا کہ قدم بہ قدم دیکھا جائے کہ کارکن کیسے بھرتی "
                "ہوتا ہے اور اس کا کام کون دیکھتا ہے؟",
            ),
        },
        "funding-contracts": {
            GAP: (
                "شراکت داری کے پیسہ خرچ کرنے کا فیصلہ کرنے سے لے کر پیسہ ادا ہونے "
                "تک کیا ہوتا ہے؟ کون کیا کرتا ہے؟",
                "پیسوں اور معاہدوں پر ایل ٹی او کے کام میں سے ارکان کیا دیکھتے "
                "ہیں، اور کیا نہیں دیکھتے؟",
            ),
            DISAGREEMENT: (
                "کیا آپ میں سے ہر ایک اس آخری گرانٹ یا معاہدے کے بارے میں بتا سکتا "
                "ہے جس میں وہ شامل تھا؟ کیا اچھا رہا، اور کیا مشکل تھا؟",
                "پیسہ یا معاہدے حاصل کرنے کا کون سا حصہ واضح لگتا ہے، اور کون سا "
                "غیر واضح؟",
            ),
            SPLIT: (
                "کیا شروع سے اب تک پیسوں اور معاہدوں کو سنبھالنے کا طریقہ بدلا ہے؟ "
                "کس کے لیے یہ آسان ہوا ہے، اور کس کے لیے مشکل؟",
            ),
            UNKNOWN: (
                "ارکان کسی ادائیگی، گرانٹ یا معاہدے کے بارے میں کس سے پوچھیں گے؟",
                "کیا اس کی مختصر وضاحت کہ پیسہ کیسے آتا جاتا ہے، اگلی بار سب کو "
                "اس کا جواب دینے میں مدد دے گی؟",
            ),
        },
        "networks": {
            GAP: (
                "شراکت داری کن لوگوں یا تنظیموں سے ایل ٹی او کے ذریعے ملی ہے، اور "
                "کن سے دوسرے راستوں سے؟",
                "ایل ٹی او کے کون سے رابطے شراکت داری کے لیے سب سے زیادہ کام کے ہو "
                "سکتے ہیں، اور ارکان ان سے کیسے مل سکتے ہیں؟",
            ),
            DISAGREEMENT: (
                "شراکت داری میں کس کے اچھے رابطے ہیں، اور کون چاہتا ہے کہ اس کے بھی "
                "ہوں؟ کس چیز سے مدد ملے گی؟",
                "کس رابطے نے علاقے کے لیے واقعی فرق ڈالا؟",
            ),
            SPLIT: (
                "کیا شروع سے اب تک شراکت داری کے رابطے بڑھے ہیں یا کم ہوئے ہیں؟ کیا "
                "ہوا؟",
            ),
            UNKNOWN: (
                "ایل ٹی او کن نیٹ ورکس کا حصہ ہے؟ ارکان کو ان کے بارے میں کون بتا "
                "سکتا ہے؟",
                "شراکت داری سب سے زیادہ کن لوگوں یا گروہوں کو جاننا چاہے گی؟",
            ),
        },
        "governance-risk": {
            GAP: (
                "انتظام پر ایل ٹی او کے کام میں سے شراکت داری کے ارکان کیا دیکھتے "
                "ہیں، اور کیا نہیں دیکھتے؟",
                "جب کسی فیصلے میں خطرہ ہو، تو شراکت داری اور ایل ٹی او اس پر آپس "
                "میں کیسے بات کرتے ہیں؟",
            ),
            DISAGREEMENT: (
                "شراکت داری کے اصول اور جانچ پڑتال کس چیز میں مدد دیتے ہیں، اور "
                "کہاں رکاوٹ بنتے ہیں؟",
                "کسی ایسے وقت کے بارے میں سوچیں جب کچھ غلط ہوا یا ہوتے ہوتے بچا۔ "
                "اسے کیسے سنبھالا گیا، اور وہ کیسا لگا؟",
            ),
            SPLIT: (
                "شروع سے اب تک فیصلوں کی جانچ اور ریکارڈ رکھنے کے طریقے میں کیا "
                "بدلا ہے؟",
            ),
            UNKNOWN: (
                "شراکت داری کے کاغذات، پالیسیاں اور بیمہ کون ٹھیک رکھتا ہے؟ ارکان "
                "کو یہ کیسے پتا چلے گا؟",
                "کیا یہ مددگار ہوگا اگر ایل ٹی او بتائے کہ پیسہ خرچ ہونے سے پہلے وہ "
                "کیا جانچتا ہے، اور کیوں؟",
            ),
        },
        "decision-making": {
            GAP: (
                "کون سے فیصلے شراکت داری کرتی ہے اور کون سے ایل ٹی او؟ کیا سب کے "
                "ذہن میں یہ ایک جیسا ہے؟",
                "علاقے کے بارے میں وہ فیصلے کہاں ہوتے ہیں جن میں رہائشی حصہ لینا "
                "چاہیں گے؟",
            ),
            DISAGREEMENT: (
                "کسی حالیہ فیصلے کے بارے میں سوچیں۔ کمرے میں کون تھا، اور کون نہیں "
                "تھا؟",
                "کس چیز سے سب کو یہ محسوس ہوگا کہ وہ شراکت داری کے فیصلوں کا حصہ ہیں؟",
            ),
            SPLIT: (
                "جو اب خود کو زیادہ شامل محسوس کرتے ہیں، ان کے لیے کیا بدلا؟ جو کم "
                "شامل محسوس کرتے ہیں، ان کے لیے کیا بدلا؟",
            ),
            UNKNOWN: (
                "شراکت داری پر اثر ڈالنے والے فیصلے کہاں ہوتے ہیں، اور ارکان کو ان "
                "کی خبر کیسے ملتی ہے؟",
                "کیا ایک سادہ نقشہ مدد دے گا کہ کون کس بات کا فیصلہ کرتا ہے؟",
            ),
        },
        "sustainable-partnership": {
            GAP: (
                "چند سال میں شراکت داری کو کیا کچھ خود کرنے کے قابل ہونا چاہیے، اور "
                "کن کاموں میں اسے تب بھی مدد چاہیے ہوگی؟",
                "ایل ٹی او مستقبل کو ذہن میں رکھ کر ابھی ایسا کیا کر رہا ہے جو شاید "
                "ارکان کو نظر نہ آئے؟",
            ),
            DISAGREEMENT: (
                "آپ میں سے ہر ایک کے لیے ایک پائیدار شراکت داری کیسی ہوتی ہے؟",
                "پیسہ ختم ہونے پر شراکت داری کے چلتے رہنے کے لیے کیا کچھ موجود ہونا "
                "چاہیے؟",
            ),
            SPLIT: (
                "جو اب مستقبل کے بارے میں زیادہ پُرامید ہیں، کیوں؟ جو کم پُرامید "
                "ہیں، آپ کو کیا فکر ہے؟",
            ),
            UNKNOWN: (
                "کیا شراکت داری نے بات کی ہے کہ پروگرام کے بعد کیا ہوگا؟ یہ بات چیت "
                "کون شروع کر سکتا ہے؟",
                "اگلی بار اس کا جواب دینے کے لیے آپ کو کیا جاننے کی ضرورت ہوگی؟",
            ),
        },
    },
}


def shipped_questions(apps):
    """Every Big Local question to open with whose English is still 0033's,
    with its place (statement key, kind, order) in `ENGLISH`."""
    OpeningQuestion = apps.get_model("reviews", "OpeningQuestion")
    rows = OpeningQuestion.objects.filter(
        statement__version__framework__slug="big-local"
    ).select_related("statement")
    for question in rows:
        english = ENGLISH.get(question.statement.key, {}).get(question.kind, ())
        if question.order <= len(english) and english[question.order - 1] == (
            question.text
        ):
            yield question


def add_translations(apps, schema_editor):
    Translation = apps.get_model("reviews", "OpeningQuestionTranslation")
    questions = list(shipped_questions(apps))
    existing = set(
        Translation.objects.filter(question__in=questions).values_list(
            "question_id", "language"
        )
    )
    Translation.objects.bulk_create(
        Translation(
            question=question,
            language=language,
            text=words[question.statement.key][question.kind][question.order - 1],
        )
        for question in questions
        for language, words in TRANSLATIONS.items()
        if (question.pk, language) not in existing
    )


def remove_translations(apps, schema_editor):
    Translation = apps.get_model("reviews", "OpeningQuestionTranslation")
    for language, words in TRANSLATIONS.items():
        Translation.objects.filter(
            question__statement__version__framework__slug="big-local",
            language=language,
            text__in=[
                text
                for kinds in words.values()
                for texts in kinds.values()
                for text in texts
            ],
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0037_opening_question_translations")]

    operations = [migrations.RunPython(add_translations, remove_translations)]
