"""Words of the USB bundle in the hub's six languages: START-HERE.html, README.txt and the ZIM metadata.

`hub` and `tagline` repeat the site name and description of mkdocs.yml (a test keeps them equal). ZIM titles stay
within 30 characters and descriptions within 80, as the openZIM metadata rules ask.
README placeholders: {edition} {commit} {key} {key_id} {zim}.
"""
from __future__ import annotations

import re

LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
RTL = frozenset({"ar"})

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "language": "English",
        "hub": "Child Online Safety Hub",
        "tagline": "Training and help to protect children from online sexual exploitation and abuse",
        "choose": "Choose your language",
        "open": "Open the hub in English",
        "offline": "Works without internet.",
        "edition": "Edition {edition}. How to copy this stick and check it: README.txt",
        "kiwix": "On a phone, open kiwix/{zim} in the Kiwix app.",
        "zim_title": "Child Online Safety Hub",
        "zim_description": "Training and help to protect children from online sexual exploitation and abuse",
        "readme": """\
CHILD ONLINE SAFETY HUB: USB EDITION {edition}
Training and help to protect children from online sexual exploitation and abuse. It works without internet.
Edition {edition}, built from source version {commit}.

HOW TO OPEN
- On a computer: double-click START-HERE.html, then choose your language. The hub opens in your web browser.
- On a phone or tablet: install the free Kiwix app, copy the file for your language from the "kiwix" folder (for example {zim}) and open it in Kiwix.

HOW TO COPY
- Copy the whole folder, with everything in it, to a computer or to another USB stick. Do not take single files out of the "site" folder: the pages need each other.
- To send the hub to someone, send the .zip file of this edition, or copy the whole folder.

HOW TO CHECK THIS COPY
SHA256SUMS lists every file with its fingerprint; SHA256SUMS.minisig is the hub's signature of that list. Check the copy before you use it in a training or hand it on:
- With Python 3 and its "cryptography" package, in this folder:
      python3 tools/verify_bundle.py .
- Or with minisign, then sha256sum, in this folder:
      minisign -Vm SHA256SUMS -P {key}
      sha256sum -c SHA256SUMS
The hub's public key (key id {key_id}):
      {key}
A signature proves something only when the key comes from a source you trust: compare it with the key on the "About this edition" page of a copy you trust. If a check fails, do not use this copy: make a new one from a copy you trust.
""",
    },
    "fr": {
        "language": "Français",
        "hub": "Centre pour la sécurité des enfants en ligne",
        "tagline": "Se former et trouver de l'aide pour protéger les enfants de l'exploitation et des abus sexuels "
                   "en ligne",
        "choose": "Choisissez votre langue",
        "open": "Ouvrir le centre en français",
        "offline": "Fonctionne sans internet.",
        "edition": "Édition {edition}. Pour copier cette clé USB et la vérifier : README.txt",
        "kiwix": "Sur un téléphone, ouvrez kiwix/{zim} dans l'application Kiwix.",
        "zim_title": "Sécurité des enfants en ligne",
        "zim_description": "Protéger les enfants de l'exploitation et des abus sexuels en ligne",
        "readme": """\
CENTRE POUR LA SÉCURITÉ DES ENFANTS EN LIGNE : ÉDITION USB {edition}
Se former et trouver de l'aide pour protéger les enfants de l'exploitation et des abus sexuels en ligne. Fonctionne sans internet.
Édition {edition}, construite à partir de la version source {commit}.

POUR OUVRIR
- Sur un ordinateur : double-cliquez sur START-HERE.html, puis choisissez votre langue. Le centre s'ouvre dans votre navigateur web.
- Sur un téléphone ou une tablette : installez l'application gratuite Kiwix, copiez le fichier de votre langue depuis le dossier « kiwix » (par exemple {zim}) et ouvrez-le dans Kiwix.

POUR COPIER
- Copiez le dossier entier, avec tout son contenu, sur un ordinateur ou sur une autre clé USB. Ne sortez pas de fichiers isolés du dossier « site » : les pages dépendent les unes des autres.
- Pour envoyer le centre à quelqu'un, envoyez le fichier .zip de cette édition, ou copiez le dossier entier.

POUR VÉRIFIER CETTE COPIE
SHA256SUMS donne l'empreinte de chaque fichier ; SHA256SUMS.minisig est la signature de cette liste par le centre. Vérifiez la copie avant de l'utiliser en formation ou de la transmettre :
- Avec Python 3 et son module « cryptography », dans ce dossier :
      python3 tools/verify_bundle.py .
- Ou avec minisign, puis sha256sum, dans ce dossier :
      minisign -Vm SHA256SUMS -P {key}
      sha256sum -c SHA256SUMS
La clé publique du centre (identifiant {key_id}) :
      {key}
Une signature ne prouve quelque chose que si la clé vient d'une source de confiance : comparez-la avec la clé de la page « À propos de cette édition » d'une copie sûre. Si une vérification échoue, n'utilisez pas cette copie : refaites-en une à partir d'une copie sûre.
""",
    },
    "es": {
        "language": "Español",
        "hub": "Centro de Seguridad Infantil en Línea",
        "tagline": "Formación y ayuda para proteger a niñas, niños y adolescentes de la explotación y el abuso "
                   "sexual en línea",
        "choose": "Elija su idioma",
        "open": "Abrir el centro en español",
        "offline": "Funciona sin internet.",
        "edition": "Edición {edition}. Cómo copiar esta memoria USB y comprobarla: README.txt",
        "kiwix": "En un teléfono, abra kiwix/{zim} en la aplicación Kiwix.",
        "zim_title": "Seguridad infantil en línea",
        "zim_description": "Proteger a la infancia de la explotación y el abuso sexual en línea",
        "readme": """\
CENTRO DE SEGURIDAD INFANTIL EN LÍNEA: EDICIÓN USB {edition}
Formación y ayuda para proteger a niñas, niños y adolescentes de la explotación y el abuso sexual en línea. Funciona sin internet.
Edición {edition}, creada a partir de la versión del código {commit}.

CÓMO ABRIRLO
- En una computadora: haga doble clic en START-HERE.html y elija su idioma. El centro se abre en su navegador web.
- En un teléfono o una tableta: instale la aplicación gratuita Kiwix, copie el archivo de su idioma de la carpeta "kiwix" (por ejemplo {zim}) y ábralo en Kiwix.

CÓMO COPIARLO
- Copie la carpeta completa, con todo su contenido, a una computadora o a otra memoria USB. No saque archivos sueltos de la carpeta "site": las páginas dependen unas de otras.
- Para enviar el centro a otra persona, envíe el archivo .zip de esta edición o copie la carpeta completa.

CÓMO COMPROBAR ESTA COPIA
SHA256SUMS indica la huella de cada archivo; SHA256SUMS.minisig es la firma del centro sobre esa lista. Compruebe la copia antes de usarla en una formación o de pasarla a otra persona:
- Con Python 3 y su paquete "cryptography", en esta carpeta:
      python3 tools/verify_bundle.py .
- O con minisign y después sha256sum, en esta carpeta:
      minisign -Vm SHA256SUMS -P {key}
      sha256sum -c SHA256SUMS
La clave pública del centro (identificador {key_id}):
      {key}
Una firma solo demuestra algo si la clave viene de una fuente de confianza: compárela con la clave de la página "Acerca de esta edición" de una copia de confianza. Si una comprobación falla, no use esta copia: haga una nueva a partir de una copia de confianza.
""",
    },
    "pt": {
        "language": "Português",
        "hub": "Centro de Segurança Infantil Online",
        "tagline": "Formação e ajuda para proteger crianças e adolescentes da exploração e do abuso sexual online",
        "choose": "Escolha a sua língua",
        "open": "Abrir o centro em português",
        "offline": "Funciona sem internet.",
        "edition": "Edição {edition}. Como copiar esta pen USB e verificá-la: README.txt",
        "kiwix": "Num telemóvel, abra kiwix/{zim} na aplicação Kiwix.",
        "zim_title": "Segurança infantil online",
        "zim_description": "Proteger crianças e adolescentes da exploração e do abuso sexual online",
        "readme": """\
CENTRO DE SEGURANÇA INFANTIL ONLINE: EDIÇÃO USB {edition}
Formação e ajuda para proteger crianças e adolescentes da exploração e do abuso sexual online. Funciona sem internet.
Edição {edition}, feita a partir da versão do código {commit}.

COMO ABRIR
- Num computador: faça duplo clique em START-HERE.html e escolha a sua língua. O centro abre no seu navegador.
- Num telemóvel ou tablet: instale a aplicação gratuita Kiwix, copie o ficheiro da sua língua da pasta "kiwix" (por exemplo {zim}) e abra-o no Kiwix.

COMO COPIAR
- Copie a pasta inteira, com todo o seu conteúdo, para um computador ou para outra pen USB. Não retire ficheiros soltos da pasta "site": as páginas dependem umas das outras.
- Para enviar o centro a alguém, envie o ficheiro .zip desta edição ou copie a pasta inteira.

COMO VERIFICAR ESTA CÓPIA
SHA256SUMS indica a impressão digital de cada ficheiro; SHA256SUMS.minisig é a assinatura dessa lista pelo centro. Verifique a cópia antes de a usar numa formação ou de a passar a outra pessoa:
- Com Python 3 e o pacote "cryptography", nesta pasta:
      python3 tools/verify_bundle.py .
- Ou com minisign e depois sha256sum, nesta pasta:
      minisign -Vm SHA256SUMS -P {key}
      sha256sum -c SHA256SUMS
A chave pública do centro (identificador {key_id}):
      {key}
Uma assinatura só prova alguma coisa se a chave vier de uma fonte de confiança: compare-a com a chave da página "Sobre esta edição" de uma cópia de confiança. Se uma verificação falhar, não use esta cópia: faça uma nova a partir de uma cópia de confiança.
""",
    },
    "ar": {
        "language": "العربية",
        "hub": "مركز سلامة الأطفال على الإنترنت",
        "tagline": "تدريب ومساعدة لحماية الأطفال من الاستغلال والاعتداء الجنسي عبر الإنترنت",
        "choose": "اختر لغتك",
        "open": "افتح المركز باللغة العربية",
        "offline": "يعمل دون اتصال بالإنترنت.",
        "edition": "الإصدار {edition}. طريقة نسخ ذاكرة USB هذه والتحقق منها: README.txt",
        "kiwix": "على الهاتف، افتح الملف kiwix/{zim} في تطبيق Kiwix.",
        "zim_title": "سلامة الأطفال على الإنترنت",
        "zim_description": "حماية الأطفال من الاستغلال والاعتداء الجنسي عبر الإنترنت",
        "readme": """\
مركز سلامة الأطفال على الإنترنت: إصدار USB {edition}
تدريب ومساعدة لحماية الأطفال من الاستغلال والاعتداء الجنسي عبر الإنترنت. يعمل دون اتصال بالإنترنت.
الإصدار {edition}، المبني من نسخة المصدر {commit}.

طريقة الفتح
- على الحاسوب: انقر نقرًا مزدوجًا على الملف START-HERE.html ثم اختر لغتك. يُفتح المركز في متصفح الويب لديك.
- على الهاتف أو الجهاز اللوحي: ثبّت تطبيق Kiwix المجاني، وانسخ ملف لغتك من المجلد "kiwix" (مثل {zim})، ثم افتحه في Kiwix.

طريقة النسخ
- انسخ المجلد كاملًا بكل ما فيه إلى حاسوب أو إلى ذاكرة USB أخرى. لا تأخذ ملفات منفردة من المجلد "site"، فالصفحات يعتمد بعضها على بعض.
- لإرسال المركز إلى شخص آخر، أرسل ملف zip الخاص بهذا الإصدار أو انسخ المجلد كاملًا.

طريقة التحقق من هذه النسخة
يسرد الملف SHA256SUMS كل ملف مع بصمته، والملف SHA256SUMS.minisig هو توقيع المركز على هذه القائمة. تحقق من النسخة قبل استخدامها في تدريب أو إعطائها لغيرك:
- باستخدام Python 3 وحزمة "cryptography"، داخل هذا المجلد:
      python3 tools/verify_bundle.py .
- أو باستخدام minisign ثم sha256sum، داخل هذا المجلد:
      minisign -Vm SHA256SUMS -P {key}
      sha256sum -c SHA256SUMS
المفتاح العام للمركز (معرّف المفتاح {key_id}):
      {key}
لا يثبت التوقيع شيئًا إلا إذا جاء المفتاح من مصدر تثق به: قارنه بالمفتاح المنشور في صفحة "عن هذا الإصدار" في نسخة تثق بها. إذا فشل أي تحقق، فلا تستخدم هذه النسخة، واصنع نسخة جديدة من نسخة تثق بها.
""",
    },
    "sw": {
        "language": "Kiswahili",
        "hub": "Kituo cha Usalama wa Watoto Mtandaoni",
        "tagline": "Mafunzo na msaada wa kuwalinda watoto dhidi ya unyonyaji na unyanyasaji wa kingono mtandaoni",
        "choose": "Chagua lugha yako",
        "open": "Fungua kituo kwa Kiswahili",
        "offline": "Kinafanya kazi bila intaneti.",
        "edition": "Toleo {edition}. Jinsi ya kunakili USB hii na kuithibitisha: README.txt",
        "kiwix": "Kwenye simu, fungua kiwix/{zim} kwa programu ya Kiwix.",
        "zim_title": "Usalama wa Watoto Mtandaoni",
        "zim_description": "Kuwalinda watoto dhidi ya unyonyaji na unyanyasaji wa kingono mtandaoni",
        "readme": """\
KITUO CHA USALAMA WA WATOTO MTANDAONI: TOLEO LA USB {edition}
Mafunzo na msaada wa kuwalinda watoto dhidi ya unyonyaji na unyanyasaji wa kingono mtandaoni. Kinafanya kazi bila intaneti.
Toleo {edition}, lililotengenezwa kutoka toleo la msimbo {commit}.

JINSI YA KUFUNGUA
- Kwenye kompyuta: bofya mara mbili START-HERE.html, kisha chagua lugha yako. Kituo kitafunguka kwenye kivinjari chako.
- Kwenye simu au kishikwambi: sakinisha programu ya bure ya Kiwix, nakili faili ya lugha yako kutoka folda "kiwix" (kwa mfano {zim}) na uifungue kwenye Kiwix.

JINSI YA KUNAKILI
- Nakili folda nzima, pamoja na kila kitu kilichomo, kwenye kompyuta au kwenye USB nyingine. Usitoe faili moja moja kutoka folda "site": kurasa zinategemeana.
- Ili kumtumia mtu kituo hiki, mtumie faili ya .zip ya toleo hili, au nakili folda nzima.

JINSI YA KUTHIBITISHA NAKALA HII
SHA256SUMS inaorodhesha kila faili pamoja na alama yake ya kidijitali; SHA256SUMS.minisig ni sahihi ya kituo juu ya orodha hiyo. Ithibitishe nakala kabla ya kuitumia kwenye mafunzo au kumpa mtu mwingine:
- Kwa Python 3 na kifurushi chake "cryptography", ndani ya folda hii:
      python3 tools/verify_bundle.py .
- Au kwa minisign, kisha sha256sum, ndani ya folda hii:
      minisign -Vm SHA256SUMS -P {key}
      sha256sum -c SHA256SUMS
Ufunguo wa umma wa kituo (kitambulisho {key_id}):
      {key}
Sahihi inathibitisha jambo tu ikiwa ufunguo umetoka kwenye chanzo unachokiamini: ulinganishe na ufunguo ulio kwenye ukurasa "Kuhusu toleo hili" wa nakala unayoiamini. Ukaguzi ukishindwa, usitumie nakala hii: tengeneza mpya kutoka kwa nakala unayoiamini.
""",
    },
}


def _french_spaces(text: str) -> str:
    """No-break spaces before : ; ? ! » and after «, so a line never starts with French punctuation."""
    text = re.sub(r" ([:;?!»])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0")


TEXT["fr"] = {key: _french_spaces(value) for key, value in TEXT["fr"].items()}
