"""The admin names its sections, models and pages in the staff member's language: no
"AXES", no "Ajout de accord", no "objet Partie supplémentaire", no French in Korean."""

import json

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse

from chamber.models import Agreement, MembershipApplication, Organisation
from chamber.newsletter.models import NewsletterIssue, Subscriber
from chamber.pages.models import MenuItem
from chamber.pages.models import Page as PageModel
from chamber.partners.models import Partner
from chamber.publications.models import Publication
from chamber.toolkit.models import OutgoingEmail
from events.models import Delegation, Event, Fair, Registration, RegistrationStatusChange
from news.models import Article, Category
from tests.events.staff_support import EventFactory
from tests.support.adminforms import admin_url
from tests.support.factories import (
    AgreementFactory,
    ArticleFactory,
    CategoryFactory,
    DelegationFactory,
    FairFactory,
    OrganisationFactory,
    PartnerFactory,
    PublicationFactory,
    RegistrationFactory,
    RegistrationStatusChangeFactory,
)
from tests.support.htmlpage import Page
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

# The admin's home: each section (an app) with its models, as staff read them.
HOME = {
    "fr": {
        "Actualités": ["Articles", "Catégories"],
        "Authentification et autorisation": ["Groupes", "Utilisateurs"],
        "Chambre": ["Accords (protocoles d'accord)", "Demandes d’adhésion", "Organisations"],
        "Connexions du personnel": ["Connexions", "Tentatives de connexion", "Échecs de connexion"],
        "Fonctionnement du site": ["E-mails"],
        "Lettre d'information": ["Abonnés", "Numéros de la lettre"],
        "Partenaires et sponsors": ["Partenaires"],
        "Publications": ["Publications"],
        "Pages et menus": ["Liens de menu", "Pages"],
        "Salons et délégations": [
            "Changements de statut",
            "Délégations",
            "Inscriptions",
            "Salons",
            "Événements",
        ],
    },
    "en": {
        "Authentication and Authorization": ["Groups", "Users"],
        "Chamber": ["Agreements (MOUs)", "Membership applications", "Organisations"],
        "Fairs and delegations": [
            "Delegations",
            "Events",
            "Fairs",
            "Registrations",
            "Status changes",
        ],
        "News": ["Articles", "Categories"],
        "Newsletter": ["Newsletter issues", "Subscribers"],
        "Partners and sponsors": ["Partners"],
        "Publications": ["Publications"],
        "Pages and menus": ["Menu links", "Pages"],
        "Site operation": ["E-mails"],
        "Staff logins": ["Access attempts", "Access failures", "Access logs"],
    },
    "ko": {
        "상공회의소": ["기관", "협약(MOU)", "회원 가입 신청"],
        "뉴스레터": ["구독자", "뉴스레터 호"],
        "사이트 운영": ["이메일"],
        "간행물": ["간행물"],
        "파트너 및 후원사": ["파트너"],
        "소식": ["기사", "분류"],
        "인증 및 권한": ["그룹", "사용자"],
        "전시회 및 사절단": ["사절단", "상태 변경", "전시회", "참가 신청", "행사"],
        "직원 로그인": ["로그인 기록", "로그인 시도", "로그인 실패"],
        "페이지와 메뉴": ["메뉴 링크", "페이지"],
    },
}

# Each model of the admin by its name in each language, and the titles of its pages.
NAMES = {
    "fr": {
        Group: "groupe",
        User: "utilisateur",
        AccessAttempt: "tentative de connexion",
        AccessLog: "connexion",
        AccessFailureLog: "échec de connexion",
        Organisation: "organisation",
        MembershipApplication: "demande d’adhésion",
        Agreement: "accord (protocole d'accord)",
        Category: "catégorie",
        Article: "article",
        Fair: "salon",
        Delegation: "délégation",
        Event: "événement",
        Registration: "inscription",
        RegistrationStatusChange: "changement de statut",
        OutgoingEmail: "e-mail",
        NewsletterIssue: "numéro de la lettre",
        Subscriber: "abonné",
        Partner: "partenaire",
        Publication: "publication",
        PageModel: "page",
        MenuItem: "lien de menu",
    },
    "en": {
        Group: "group",
        User: "user",
        AccessAttempt: "access attempt",
        AccessLog: "access log",
        AccessFailureLog: "access failure",
        Organisation: "organisation",
        MembershipApplication: "membership application",
        Agreement: "agreement (MOU)",
        Category: "category",
        Article: "article",
        Fair: "fair",
        Delegation: "delegation",
        Event: "event",
        Registration: "registration",
        RegistrationStatusChange: "status change",
        OutgoingEmail: "e-mail",
        NewsletterIssue: "newsletter issue",
        Subscriber: "subscriber",
        Partner: "partner",
        Publication: "publication",
        PageModel: "page",
        MenuItem: "menu link",
    },
    "ko": {
        Group: "그룹",
        User: "사용자",
        AccessAttempt: "로그인 시도",
        AccessLog: "로그인 기록",
        AccessFailureLog: "로그인 실패",
        Organisation: "기관",
        MembershipApplication: "회원 가입 신청",
        Agreement: "협약(MOU)",
        Category: "분류",
        Article: "기사",
        Fair: "전시회",
        Delegation: "사절단",
        Event: "행사",
        Registration: "참가 신청",
        RegistrationStatusChange: "상태 변경",
        OutgoingEmail: "이메일",
        NewsletterIssue: "뉴스레터 호",
        Subscriber: "구독자",
        Partner: "파트너",
        Publication: "간행물",
        PageModel: "페이지",
        MenuItem: "메뉴 링크",
    },
}
TITLES = {
    "fr": {
        "add": "Ajouter\u202f: {}",
        "change": "Modifier\u202f: {}",
        "view": "Consulter\u202f: {}",
    },
    "en": {"add": "Add {}", "change": "Change {}", "view": "View {}"},
    "ko": {"add": "{} 추가", "change": "{} 변경", "view": "{} 조회"},
}
# The link under an agreement's parties that adds one more.
ADD_ANOTHER_PARTY = {"fr": "Ajouter\u202f: Partie", "en": "Add another Party", "ko": "당사자 추가"}


def one_of_each(admin_user) -> dict:
    """A row of each model the admin shows."""
    login = {
        "username": "editor",
        "ip_address": "127.0.0.1",
        "user_agent": "Firefox",
        "http_accept": "text/html",
        "path_info": "/admin/login/",
    }
    return {
        Group: Group.objects.create(name="Rédaction"),
        User: admin_user,
        AccessAttempt: AccessAttempt.objects.create(
            **login, get_data="", post_data="", failures_since_start=1
        ),
        AccessLog: AccessLog.objects.create(**login),
        AccessFailureLog: AccessFailureLog.objects.create(**login),
        Organisation: OrganisationFactory(),
        MembershipApplication: MembershipApplication.objects.create(
            company_name="Hanbit",
            contact_name="Kim",
            email="kim@hanbit.example",
            sector="Robotics",
            size="small",
            tier="member",
            language="ko",
        ),
        Partner: PartnerFactory(),
        Publication: PublicationFactory(),
        Agreement: AgreementFactory(),
        Category: CategoryFactory(),
        Article: ArticleFactory(),
        Fair: FairFactory(),
        Delegation: DelegationFactory(),
        Event: EventFactory(),
        Registration: RegistrationFactory(),
        RegistrationStatusChange: RegistrationStatusChangeFactory(),
        OutgoingEmail: OutgoingEmail.objects.create(
            subject="Registration received", body="Thank you.", to=["a@example.com"]
        ),
        NewsletterIssue: NewsletterIssue.objects.create(subject_fr="Lettre", subject_en="Letter"),
        Subscriber: Subscriber.objects.create(email="reader@example.org", language="fr"),
        PageModel: PageModel.objects.create(title_fr="À propos", slug_fr="a-propos", body_fr="x"),
        MenuItem: MenuItem.objects.create(section="news:article-list", label_fr="Actus"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_home_names_its_sections_and_models_in_the_staff_members_language(
    admin_client, language
):
    response = admin_client.get(reverse("admin:index"), headers={"accept-language": language})

    main = Page(response).one(id="content-main")
    shown = {
        module.find("caption").text.strip(): [
            row.text.strip() for row in module.find_all("th", scope="row")
        ]
        for module in main.find_all("div", class_="module")
        if module.find("caption") is not None
    }
    assert shown == HOME[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_add_and_change_page_is_titled_in_the_staff_members_language(
    admin_client, admin_user, language
):
    rows = one_of_each(admin_user)
    assert set(rows) == set(admin.site._registry)
    titles = {}
    for model, row in rows.items():
        name = NAMES[language][model]
        response = admin_client.get(
            admin_url(model, "change", row.pk), headers={"accept-language": language}
        )
        kind = "change" if response.context["has_change_permission"] else "view"
        titles[model, kind] = (response.context["title"], TITLES[language][kind].format(name))
        response = admin_client.get(admin_url(model, "add"), headers={"accept-language": language})
        if response.status_code != 403:  # registrations come from the public form ...
            titles[model, "add"] = (response.context["title"], TITLES[language]["add"].format(name))

    assert {key: shown for key, (shown, _expected) in titles.items()} == {
        key: expected for key, (_shown, expected) in titles.items()
    }
    assert (Article, "add") in titles and (RegistrationStatusChange, "view") in titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_inline_offers_to_add_another_row_in_the_staff_members_language(admin_client, language):
    response = admin_client.get(admin_url(Agreement, "add"), headers={"accept-language": language})

    group = Page(response).one(id="parties-group")
    options = json.loads(group.get("data-inline-formset"))["options"]
    assert options["addText"] == ADD_ANOTHER_PARTY[language]
