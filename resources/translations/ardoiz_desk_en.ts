<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr_FR">
    <context>
        <name>Accessibility</name>
        <message>
            <source>Onglets : {0}</source>
            <translation>Tabs: {0}</translation>
        </message>
        <message>
            <source>Effacer le texte</source>
            <translation>Clear the text</translation>
        </message>
        <message>
            <source>Champ obligatoire.</source>
            <translation>Required field.</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesPane</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Titre ou thématiques</source>
            <translation>Title or themes</translation>
        </message>
        <message>
            <source>Durée</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>Présents</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>{n} + {a} anonyme(s)</source>
            <translation>{n} + {a} anonymous</translation>
        </message>
        <message>
            <source>Activités</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Ouvrir</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Entrée</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Supprimer…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>Suppr</source>
            <translation>Del</translation>
        </message>
        <message>
            <source>Enregistrer une activité</source>
            <translation>Record an activity</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Rechercher par titre, thématique ou personne présente</source>
            <translation>Search by title, theme or person present</translation>
        </message>
        <message>
            <source>Recherche d'activités</source>
            <translation>Activity search</translation>
        </message>
        <message>
            <source>Chargement des activités…</source>
            <translation>Loading activities…</translation>
        </message>
        <message>
            <source>Nombre d'activités</source>
            <translation>Number of activities</translation>
        </message>
        <message>
            <source>Depuis le</source>
            <translation>Since</translation>
        </message>
        <message>
            <source>Jusqu'au</source>
            <translation>Until</translation>
        </message>
        <message>
            <source>Du</source>
            <translation>From</translation>
        </message>
        <message>
            <source>au</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Filtrer par type</source>
            <translation>Filter by type</translation>
        </message>
        <message>
            <source>Tous les types</source>
            <translation>All types</translation>
        </message>
        <message>
            <source>Filtrer par site</source>
            <translation>Filter by site</translation>
        </message>
        <message>
            <source>Filtrer par agent</source>
            <translation>Filter by agent</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>Participant</translation>
        </message>
        <message>
            <source>Filtrer par participant présent</source>
            <translation>Filter by participant present</translation>
        </message>
        <message>
            <source>Liste des activités</source>
            <translation>Activity list</translation>
        </message>
        <message>
            <source>Tous les sites</source>
            <translation>All sites</translation>
        </message>
        <message>
            <source>Tous les agents</source>
            <translation>All agents</translation>
        </message>
        <message>
            <source>{n} activité(s) sur {total}</source>
            <translation>{n} activity(ies) of {total}</translation>
        </message>
        <message>
            <source>Supprimer cette activité ?</source>
            <translation>Delete this activity?</translation>
        </message>
        <message>
            <source>{what}

L'activité et sa liste de présents seront supprimées, sur ce poste et sur les autres sites après l'échange des paquets.
Supprimer quand même ?</source>
            <translation>{what}

The activity and its attendance list will be deleted, on this computer and on the other sites once bundles are exchanged.
Delete anyway?</translation>
        </message>
        <message>
            <source>Suppression impossible</source>
            <translation>Cannot delete</translation>
        </message>
    </context>
    <context>
        <name>AgentsPane</name>
        <message>
            <source>Coordination</source>
            <translation>Coordination</translation>
        </message>
        <message>
            <source>Agent d'accueil</source>
            <translation>Counter agent</translation>
        </message>
        <message>
            <source>Pas encore formé·e</source>
            <translation>Not trained yet</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Rôle</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Formations suivies</source>
            <translation>Trainings followed</translation>
        </message>
        <message>
            <source>Dernière formation</source>
            <translation>Latest training</translation>
        </message>
        <message>
            <source>Agents et formation</source>
            <translation>Agents and training</translation>
        </message>
        <message>
            <source>Agents de ce site</source>
            <translation>Agents of this site</translation>
        </message>
        <message>
            <source>Tous les agents du territoire</source>
            <translation>All agents of the territory</translation>
        </message>
        <message>
            <source>Agents affichés</source>
            <translation>Agents shown</translation>
        </message>
        <message>
            <source>Enregistrer une formation…</source>
            <translation>Record a training…</translation>
        </message>
        <message>
            <source>Premier temps du programme : les agents sont formés à la tablette Ardoiz avant d'animer les ateliers.</source>
            <translation>First stage of the programme: agents are trained on the Ardoiz tablet before running workshops.</translation>
        </message>
        <message>
            <source>Liste des agents</source>
            <translation>Agent list</translation>
        </message>
        <message>
            <source>Prénom et nom du nouvel agent</source>
            <translation>New agent's first and last name</translation>
        </message>
        <message>
            <source>Nom du nouvel agent</source>
            <translation>New agent's name</translation>
        </message>
        <message>
            <source>Ajouter l'agent</source>
            <translation>Add agent</translation>
        </message>
    </context>
    <context>
        <name>AttendanceModel</name>
        <message>
            <source>Participant</source>
            <translation>Participant</translation>
        </message>
        <message>
            <source>1re fois</source>
            <translation>1st time</translation>
        </message>
        <message>
            <source>Autonomie observée</source>
            <translation>Observed autonomy</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Prochain rendez-vous</source>
            <translation>Next appointment</translation>
        </message>
        <message>
            <source>Motif du rendez-vous</source>
            <translation>Reason for the appointment</translation>
        </message>
    </context>
    <context>
        <name>AttendeePicker</name>
        <message>
            <source>Ajouter un participant : tapez son nom puis Entrée</source>
            <translation>Add a participant: type their name, then Enter</translation>
        </message>
        <message>
            <source>Rechercher un participant présent</source>
            <translation>Search for a participant who is present</translation>
        </message>
        <message>
            <source>Nouveau participant…</source>
            <translation>New participant…</translation>
        </message>
        <message>
            <source>Ctrl+Maj+N</source>
            <translation>Ctrl+Shift+N</translation>
        </message>
        <message>
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Commune · année</source>
            <translation>Municipality · year</translation>
        </message>
        <message>
            <source>Participants trouvés</source>
            <translation>Participants found</translation>
        </message>
        <message>
            <source>Nouveau participant (arrivé sans inscription)</source>
            <translation>New participant (walked in without registration)</translation>
        </message>
        <message>
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Notice remise</source>
            <translation>Notice given</translation>
        </message>
        <message>
            <source>Notice d'information remise aujourd'hui</source>
            <translation>Information notice given today</translation>
        </message>
        <message>
            <source>Créer et ajouter</source>
            <translation>Create and add</translation>
        </message>
    </context>
    <context>
        <name>AutoSync</name>
        <message>
            <source>{0} min</source>
            <translation>{0} min</translation>
        </message>
        <message>
            <source>{0} h</source>
            <translation>{0} h</translation>
        </message>
        <message>
            <source>{0} jours</source>
            <translation>{0} days</translation>
        </message>
        <message>
            <source>Dossier injoignable depuis {0}</source>
            <translation>Folder unreachable for {0}</translation>
        </message>
        <message>
            <source>Pas encore synchronisé</source>
            <translation>Not synchronised yet</translation>
        </message>
        <message>
            <source>Synchronisé à l'instant</source>
            <translation>Synchronised just now</translation>
        </message>
        <message>
            <source>Synchronisé il y a {0}</source>
            <translation>Synchronised {0} ago</translation>
        </message>
        <message>
            <source>1 paquet en attente d'approbation</source>
            <translation>1 bundle waiting for approval</translation>
        </message>
        <message>
            <source>{0} paquets en attente d'approbation</source>
            <translation>{0} bundles waiting for approval</translation>
        </message>
        <message>
            <source>{0} paquet(s) reçu(s) attendent votre aperçu</source>
            <translation>{0} bundle(s) received, waiting for your preview</translation>
        </message>
        <message>
            <source>État de la synchronisation</source>
            <translation>Synchronisation status</translation>
        </message>
    </context>
    <context>
        <name>ClockHeldBox</name>
        <message>
            <source>reçu le {0} à {1}</source>
            <translation>received on {0} at {1}</translation>
        </message>
        <message>
            <source>« {0} » : date en avance de {1} h</source>
            <translation>“{0}”: date {1} h ahead</translation>
        </message>
        <message>
            <source>contenu non détaillé</source>
            <translation>contents not detailed</translation>
        </message>
        <message>
            <source>Travail mis de côté : date en avance</source>
            <translation>Work set aside: date ahead</translation>
        </message>
        <message>
            <source>La date de l'ordinateur de ces sites était en avance : leur travail attend ici. Il sera appliqué de lui-même quand l'heure réelle l'aura rattrapé, ou dès que vous l'approuvez (ses dates seront alors remplacées par celles de ce poste).</source>
            <translation>The computer date of these sites was ahead: their work waits here. It will be applied by itself once real time has caught up with it, or as soon as you approve it (its dates are then replaced by this computer's).</translation>
        </message>
        <message>
            <source>Travail mis de côté pour une date en avance</source>
            <translation>Work set aside for a date ahead</translation>
        </message>
        <message>
            <source>Approuver…</source>
            <translation>Approve…</translation>
        </message>
        <message>
            <source>Choisissez un travail mis de côté.</source>
            <translation>Choose a piece of work set aside.</translation>
        </message>
        <message>
            <source>Appliquer maintenant ce travail ?

{0}

Ses dates en avance seront remplacées par celles de ce poste.</source>
            <translation>Apply this work now?

{0}

Its dates ahead will be replaced by this computer's.</translation>
        </message>
        <message>
            <source>Approuver un travail mis de côté</source>
            <translation>Approve work set aside</translation>
        </message>
        <message>
            <source>Rien n'a été appliqué.</source>
            <translation>Nothing was applied.</translation>
        </message>
    </context>
    <context>
        <name>CounterStatus</name>
        <message>
            <source>Ce poste n'a encore rien déposé dans le dossier partagé.</source>
            <translation>This counter has put nothing in the shared folder yet.</translation>
        </message>
        <message>
            <source>Ce poste a déposé {0} paquet(s) ; le dernier le {1} ({2} enregistrement(s)).</source>
            <translation>This counter has put {0} bundle(s) in the folder; the last on {1} ({2} record(s)).</translation>
        </message>
        <message>
            <source>La coordination n'a pas encore confirmé les avoir reçus.</source>
            <translation>The coordination has not confirmed receiving them yet.</translation>
        </message>
        <message>
            <source>La coordination a confirmé le {0} détenir tout ce qui a été envoyé jusqu'au paquet du {1}.</source>
            <translation>On {0} the coordination confirmed holding everything sent up to the bundle of {1}.</translation>
        </message>
        <message>
            <source>{0} paquet(s) plus récent(s) pas encore confirmé(s).</source>
            <translation>{0} newer bundle(s) not confirmed yet.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>jj/mm/aaaa</source>
            <translation>dd/mm/yyyy</translation>
        </message>
        <message>
            <source>Choisir dans le calendrier</source>
            <translation>Pick in the calendar</translation>
        </message>
        <message>
            <source>Calendrier</source>
            <translation>Calendar</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>nom identique</source>
            <translation>same name</translation>
        </message>
        <message>
            <source>nom proche</source>
            <translation>close name</translation>
        </message>
        <message>
            <source>année de naissance</source>
            <translation>birth year</translation>
        </message>
        <message>
            <source>téléphone</source>
            <translation>phone</translation>
        </message>
        <message>
            <source>commune</source>
            <translation>commune</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Fiche A</source>
            <translation>Record A</translation>
        </message>
        <message>
            <source>Fiche B</source>
            <translation>Record B</translation>
        </message>
        <message>
            <source>Concordances</source>
            <translation>Matches</translation>
        </message>
        <message>
            <source>Doublons probables</source>
            <translation>Likely duplicates</translation>
        </message>
        <message>
            <source>La même personne a pu être inscrite dans deux guichets. Une fusion garde une fiche et y rattache l'autre (ses activités comptent pour la fiche gardée) ; elle est transmise aux autres sites et peut être annulée.</source>
            <translation>The same person may have been registered at two counters. A merge keeps one record and attaches the other to it (its activities count for the record kept); it is passed on to the other sites and can be undone.</translation>
        </message>
        <message>
            <source>Paires de fiches à comparer</source>
            <translation>Pairs of records to compare</translation>
        </message>
        <message>
            <source>Recherche des doublons…</source>
            <translation>Looking for duplicates…</translation>
        </message>
        <message>
            <source>Fusionner en gardant A</source>
            <translation>Merge, keeping A</translation>
        </message>
        <message>
            <source>Fusionner en gardant B</source>
            <translation>Merge, keeping B</translation>
        </message>
        <message>
            <source>Ce sont deux personnes</source>
            <translation>They are two people</translation>
        </message>
        <message>
            <source>{count} paire(s) à examiner.</source>
            <translation>{count} pair(s) to review.</translation>
        </message>
        <message>
            <source>Garder la fiche de {keep} et y rattacher celle de {dup} ?</source>
            <translation>Keep the record of {keep} and attach the record of {dup} to it?</translation>
        </message>
        <message>
            <source>Fusionner deux fiches</source>
            <translation>Merge two records</translation>
        </message>
        <message>
            <source>Fusion impossible</source>
            <translation>Cannot merge</translation>
        </message>
    </context>
    <context>
        <name>FirstStartDialog</name>
        <message>
            <source>Bienvenue dans Ardoiz Desk</source>
            <translation>Welcome to Ardoiz Desk</translation>
        </message>
        <message>
            <source>Indiquez le guichet où ce poste est installé et votre nom. Cette question ne sera plus posée.</source>
            <translation>Tell us which counter this computer is at, and your name. You will not be asked again.</translation>
        </message>
        <message>
            <source>Mon site est dans l'annuaire :</source>
            <translation>My site is in the directory:</translation>
        </message>
        <message>
            <source>Créer un nouveau site</source>
            <translation>Create a new site</translation>
        </message>
        <message>
            <source>Site de ce poste</source>
            <translation>Site of this computer</translation>
        </message>
        <message>
            <source>Votre prénom et nom</source>
            <translation>Your first and last name</translation>
        </message>
        <message>
            <source>ex. Camille Roussel</source>
            <translation>e.g. Camille Roussel</translation>
        </message>
        <message>
            <source>&amp;Votre prénom et nom</source>
            <translation>&amp;Your first and last name</translation>
        </message>
        <message>
            <source>ex. APC-ORPIERRE</source>
            <translation>e.g. APC-ORPIERRE</translation>
        </message>
        <message>
            <source>Code du site</source>
            <translation>Site code</translation>
        </message>
        <message>
            <source>ex. Agence postale d'Orpierre</source>
            <translation>e.g. Agence postale d'Orpierre</translation>
        </message>
        <message>
            <source>Nom du site</source>
            <translation>Site name</translation>
        </message>
        <message>
            <source>Type de site</source>
            <translation>Site type</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Nom</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Commencer</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Votre prénom et nom : ce champ est obligatoire (il signe vos activités).</source>
            <translation>Your first and last name: this field is required (it signs your activities).</translation>
        </message>
    </context>
    <context>
        <name>FollowUpModel</name>
        <message>
            <source>Fait</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>En retard</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>À faire</source>
            <translation>To do</translation>
        </message>
        <message>
            <source>Échéance</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Participant</source>
            <translation>Participant</translation>
        </message>
        <message>
            <source>Motif</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>État</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsPane</name>
        <message>
            <source>Suivis à faire</source>
            <translation>Follow-ups to do</translation>
        </message>
        <message>
            <source>Les rendez-vous en retard (en rouge) et ceux des 7 prochains jours. Entrée ouvre la fiche ; Ctrl+D marque le suivi comme fait.</source>
            <translation>Overdue appointments (in red) and those of the next 7 days. Enter opens the record; Ctrl+D marks the follow-up done.</translation>
        </message>
        <message>
            <source>Liste des suivis</source>
            <translation>Follow-up list</translation>
        </message>
        <message>
            <source>Ouvrir la fiche</source>
            <translation>Open record</translation>
        </message>
        <message>
            <source>Marquer comme fait</source>
            <translation>Mark as done</translation>
        </message>
        <message>
            <source>Ctrl+D</source>
            <translation>Ctrl+D</translation>
        </message>
        <message>
            <source>Annuler</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Ctrl+Z</source>
            <translation>Ctrl+Z</translation>
        </message>
        <message>
            <source>{n} suivi(s) à faire, dont {late} en retard.</source>
            <translation>{n} follow-up(s) to do, {late} overdue.</translation>
        </message>
        <message>
            <source>Aucun suivi en retard ni prévu cette semaine.</source>
            <translation>No follow-up overdue or due this week.</translation>
        </message>
        <message>
            <source>Suivi de {name} marqué fait.</source>
            <translation>Follow-up of {name} marked done.</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsTab</name>
        <message>
            <source>Suivis du participant</source>
            <translation>Participant's follow-ups</translation>
        </message>
        <message>
            <source>Marquer comme fait</source>
            <translation>Mark as done</translation>
        </message>
        <message>
            <source>Date du prochain rendez-vous</source>
            <translation>Date of the next appointment</translation>
        </message>
        <message>
            <source>Motif (ex. revoir les e-mails)</source>
            <translation>Reason (e.g. go over e-mail again)</translation>
        </message>
        <message>
            <source>Motif du rendez-vous</source>
            <translation>Reason for the appointment</translation>
        </message>
        <message>
            <source>Planifier</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Prochain rendez-vous :</source>
            <translation>Next appointment:</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>Personnes ajoutées ({0})</source>
            <translation>People added ({0})</translation>
        </message>
        <message>
            <source>Personnes modifiées ({0})</source>
            <translation>People changed ({0})</translation>
        </message>
        <message>
            <source>Personnes supprimées ({0})</source>
            <translation>People deleted ({0})</translation>
        </message>
        <message>
            <source>Personnes effacées ({0})</source>
            <translation>People erased ({0})</translation>
        </message>
        <message>
            <source>Activités ajoutées ({0})</source>
            <translation>Activities added ({0})</translation>
        </message>
        <message>
            <source>Activités modifiées ({0})</source>
            <translation>Activities changed ({0})</translation>
        </message>
        <message>
            <source>Activités supprimées ({0})</source>
            <translation>Activities deleted ({0})</translation>
        </message>
        <message>
            <source>Suivis ajoutés ({0})</source>
            <translation>Follow-ups added ({0})</translation>
        </message>
        <message>
            <source>Suivis modifiés ({0})</source>
            <translation>Follow-ups changed ({0})</translation>
        </message>
        <message>
            <source>Suivis supprimés ({0})</source>
            <translation>Follow-ups deleted ({0})</translation>
        </message>
        <message>
            <source>(sans nom)</source>
            <translation>(no name)</translation>
        </message>
        <message>
            <source>{0} pour {1}</source>
            <translation>{0} for {1}</translation>
        </message>
        <message>
            <source>… et {0} autres</source>
            <translation>… and {0} more</translation>
        </message>
        <message>
            <source>nouveau : {0}</source>
            <translation>new: {0}</translation>
        </message>
        <message>
            <source>modifié : {0}</source>
            <translation>changed: {0}</translation>
        </message>
        <message>
            <source>supprimé : {0}</source>
            <translation>deleted: {0}</translation>
        </message>
        <message>
            <source>effacé : {0}</source>
            <translation>erased: {0}</translation>
        </message>
        <message>
            <source>Aussi — {0}.</source>
            <translation>Also — {0}.</translation>
        </message>
        <message>
            <source>En tout — {0}.</source>
            <translation>In all — {0}.</translation>
        </message>
        <message>
            <source>Paquet de {0}</source>
            <translation>Bundle from {0}</translation>
        </message>
        <message>
            <source>Fichier « {0} »</source>
            <translation>File “{0}”</translation>
        </message>
    </context>
    <context>
        <name>Journey</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Étape</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Activité</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>Durée</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>Autonomie observée</source>
            <translation>Observed autonomy</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Aucune activité enregistrée pour l'instant.</source>
            <translation>No activity recorded yet.</translation>
        </message>
        <message>
            <source>Animation : {a} atelier(s) · Prise en main : {p} séance(s) · Autres : {o}</source>
            <translation>Workshops: {a} · Hands-on sessions: {p} · Other: {o}</translation>
        </message>
        <message>
            <source>Dernière autonomie observée : {a}</source>
            <translation>Latest observed autonomy: {a}</translation>
        </message>
        <message>
            <source>Parcours du participant</source>
            <translation>Participant's journey</translation>
        </message>
    </context>
    <context>
        <name>LaCoopDetails</name>
        <message>
            <source>Démarche administrative</source>
            <translation>Administrative procedure</translation>
        </message>
        <message>
            <source>Nom de la démarche administrative</source>
            <translation>Name of the administrative procedure</translation>
        </message>
        <message>
            <source>ex. Demande de carte grise</source>
            <translation>e.g. Vehicle registration request</translation>
        </message>
        <message>
            <source>&amp;Nom de la démarche</source>
            <translation>Procedure &amp;name</translation>
        </message>
        <message>
            <source>Orientation</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>Orienté vers une structure</source>
            <translation>Referred to another organisation</translation>
        </message>
        <message>
            <source>Structure de redirection</source>
            <translation>Organisation referred to</translation>
        </message>
        <message>
            <source>&amp;Orienté vers une structure</source>
            <translation>Referred to an &amp;organisation</translation>
        </message>
        <message>
            <source>St&amp;ructure</source>
            <translation>O&amp;rganisation</translation>
        </message>
        <message>
            <source>Commune du lieu</source>
            <translation>Commune of the place</translation>
        </message>
        <message>
            <source>Code postal du lieu</source>
            <translation>Postal code of the place</translation>
        </message>
        <message>
            <source>Code INSEE du lieu</source>
            <translation>INSEE code of the place</translation>
        </message>
        <message>
            <source>Co&amp;mmune</source>
            <translation>Co&amp;mmune</translation>
        </message>
        <message>
            <source>Code postal</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>Code INSEE</source>
            <translation>INSEE code</translation>
        </message>
        <message>
            <source>Participants anonymes : répartition</source>
            <translation>Anonymous participants: breakdown</translation>
        </message>
        <message>
            <source>Déjà accompagnés</source>
            <translation>Already supported</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>coordination « {0} »</source>
            <translation>coordination “{0}”</translation>
        </message>
        <message>
            <source>Ardoiz Desk</source>
            <translation>Ardoiz Desk</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>Activités</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Suivis</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Agents et formation</source>
            <translation>Agents and training</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Rapports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Paramètres</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Travail en cours</source>
            <translation>Work in progress</translation>
        </message>
        <message>
            <source>Activité enregistrée.</source>
            <translation>Activity recorded.</translation>
        </message>
        <message>
            <source>Activité supprimée.</source>
            <translation>Activity deleted.</translation>
        </message>
        <message>
            <source>Site : {site} · Agent : {agent}</source>
            <translation>Site: {site} · Agent: {agent}</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Une opération a échoué</source>
            <translation>An operation failed</translation>
        </message>
    </context>
    <context>
        <name>ParticipantCard</name>
        <message>
            <source>Parcours</source>
            <translation>Journey</translation>
        </message>
        <message>
            <source>Suivis</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Enregistrer</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Ctrl+S</source>
            <translation>Ctrl+S</translation>
        </message>
        <message>
            <source>Fermer</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Nouveau participant</source>
            <translation>New participant</translation>
        </message>
        <message>
            <source>Fiche participant — {name}</source>
            <translation>Participant record — {name}</translation>
        </message>
        <message>
            <source>Modifications non enregistrées.</source>
            <translation>Unsaved changes.</translation>
        </message>
        <message>
            <source>Enregistré à {time}.</source>
            <translation>Saved at {time}.</translation>
        </message>
        <message>
            <source>Modifications non enregistrées</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Les modifications de cette fiche ne sont pas enregistrées.
Fermer quand même et les abandonner ?</source>
            <translation>The changes to this record are not saved.
Close anyway and discard them?</translation>
        </message>
    </context>
    <context>
        <name>ParticipantForm</name>
        <message>
            <source>Prénom *</source>
            <translation>First name *</translation>
        </message>
        <message>
            <source>Nom *</source>
            <translation>Last name *</translation>
        </message>
        <message>
            <source>Année de naissance</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Statut social</source>
            <translation>Social status</translation>
        </message>
        <message>
            <source>Commune de résidence</source>
            <translation>Municipality of residence</translation>
        </message>
        <message>
            <source>Code INSEE</source>
            <translation>INSEE code</translation>
        </message>
        <message>
            <source>Code postal</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Site de suivi</source>
            <translation>Followed at site</translation>
        </message>
        <message>
            <source>Notice d'information remise le</source>
            <translation>Information notice given on</translation>
        </message>
        <message>
            <source>Tablette Ardoiz</source>
            <translation>Ardoiz tablet</translation>
        </message>
        <message>
            <source>Autonomie</source>
            <translation>Autonomy</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>ex. 1948</source>
            <translation>e.g. 1948</translation>
        </message>
        <message>
            <source>Nom ou code postal, puis choisir dans la liste</source>
            <translation>Name or postal code, then pick from the list</translation>
        </message>
        <message>
            <source>Pas encore évaluée</source>
            <translation>Not assessed yet</translation>
        </message>
        <message>
            <source>RGPD : n'écrivez ici aucune information de santé, de situation sociale ou familiale. Notez seulement ce qui sert l'accompagnement numérique.</source>
            <translation>GDPR: do not write any health, social or family information here. Only note what helps the digital support.</translation>
        </message>
        <message>
            <source>{label} (modifié)</source>
            <translation>{label} (changed)</translation>
        </message>
        <message>
            <source>Remise</source>
            <translation>Given</translation>
        </message>
        <message>
            <source>Notice d'information remise</source>
            <translation>Information notice given</translation>
        </message>
        <message>
            <source>Date de remise de la notice</source>
            <translation>Date the notice was given</translation>
        </message>
        <message>
            <source>Pas encore remise : donnez la notice à la personne, puis cochez « Remise ».</source>
            <translation>Not given yet: hand the notice to the person, then tick “Given”.</translation>
        </message>
        <message>
            <source>{commune} a plusieurs codes postaux : choisissez le sien.</source>
            <translation>{commune} has several postal codes: choose the right one.</translation>
        </message>
    </context>
    <context>
        <name>ParticipantModel</name>
        <message>
            <source>Nom</source>
            <translation>Last name</translation>
        </message>
        <message>
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>Année</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Étape atteinte</source>
            <translation>Stage reached</translation>
        </message>
        <message>
            <source>Autonomie</source>
            <translation>Autonomy</translation>
        </message>
        <message>
            <source>Tablette</source>
            <translation>Tablet</translation>
        </message>
    </context>
    <context>
        <name>ParticipantsPane</name>
        <message>
            <source>Participants</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>Doublons…</source>
            <translation>Duplicates…</translation>
        </message>
        <message>
            <source>La même personne inscrite dans deux guichets</source>
            <translation>The same person registered at two counters</translation>
        </message>
        <message>
            <source>Nouveau participant</source>
            <translation>New participant</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Rechercher par nom, commune ou téléphone (Ctrl+F)</source>
            <translation>Search by name, municipality or phone (Ctrl+F)</translation>
        </message>
        <message>
            <source>Recherche</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Chargement des participants…</source>
            <translation>Loading participants…</translation>
        </message>
        <message>
            <source>Nombre de participants</source>
            <translation>Number of participants</translation>
        </message>
        <message>
            <source>Filtrer par site</source>
            <translation>Filter by site</translation>
        </message>
        <message>
            <source>Filtrer par étape atteinte</source>
            <translation>Filter by stage reached</translation>
        </message>
        <message>
            <source>Toutes les étapes</source>
            <translation>All stages</translation>
        </message>
        <message>
            <source>Filtrer par autonomie</source>
            <translation>Filter by autonomy</translation>
        </message>
        <message>
            <source>Toute autonomie</source>
            <translation>Any autonomy</translation>
        </message>
        <message>
            <source>Avec tablette</source>
            <translation>With a tablet</translation>
        </message>
        <message>
            <source>Sans tablette</source>
            <translation>Without a tablet</translation>
        </message>
        <message>
            <source>Filtrer par tablette</source>
            <translation>Filter by tablet</translation>
        </message>
        <message>
            <source>Avec ou sans tablette</source>
            <translation>With or without a tablet</translation>
        </message>
        <message>
            <source>Liste des participants</source>
            <translation>Participant list</translation>
        </message>
        <message>
            <source>Tous les sites</source>
            <translation>All sites</translation>
        </message>
        <message>
            <source>{n} participant(s) sur {total}</source>
            <translation>{n} participant(s) of {total}</translation>
        </message>
        <message>
            <source>Aucun participant pour l'instant. Ctrl+N inscrit la première personne ; les personnes des autres sites arrivent par la Synchronisation.</source>
            <translation>No participants yet. Ctrl+N registers the first person; people from the other sites arrive through Synchronisation.</translation>
        </message>
        <message>
            <source>{n} premiers participants (index en chargement…)</source>
            <translation>First {n} participants (index loading…)</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Base chiffrée</source>
            <translation>Encrypted base</translation>
        </message>
        <message>
            <source>Protégez la base de ce poste</source>
            <translation>Protect this computer's base</translation>
        </message>
        <message>
            <source>Les données des personnes accompagnées sont chiffrées sur ce poste. Choisissez une phrase de passe : elle sera demandée à chaque ouverture. Quatre mots sans rapport entre eux font une bonne phrase, par exemple « tablette rivière cerise Orpierre ». Une fiche de secours vous sera proposée ensuite.</source>
            <translation>The data of the people you help are encrypted on this computer. Choose a passphrase: it will be asked each time the base is opened. Four unrelated words make a good one, for example “tablet river cherry Orpierre”. A recovery sheet will be offered next.</translation>
        </message>
        <message>
            <source>Ouvrir la base</source>
            <translation>Open the base</translation>
        </message>
        <message>
            <source>La base de ce poste est chiffrée : saisissez sa phrase de passe.</source>
            <translation>This computer's base is encrypted: type its passphrase.</translation>
        </message>
        <message>
            <source>Phrase de passe</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>&amp;Phrase de passe</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>Phrase de passe, à nouveau</source>
            <translation>Passphrase, again</translation>
        </message>
        <message>
            <source>J'utilise la clé de secours de la fiche de secours</source>
            <translation>I am using the recovery key of the recovery sheet</translation>
        </message>
        <message>
            <source>À &amp;nouveau</source>
            <translation>&amp;Again</translation>
        </message>
        <message>
            <source>Ouvrir</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Quitter</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Saisissez la phrase de passe.</source>
            <translation>Type the passphrase.</translation>
        </message>
        <message>
            <source>Les deux phrases de passe sont différentes.</source>
            <translation>The two passphrases differ.</translation>
        </message>
    </context>
    <context>
        <name>RecordActivityDialog</name>
        <message>
            <source>Type d'activité</source>
            <translation>Activity type</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Lieu</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Titre de l'atelier</source>
            <translation>Workshop title</translation>
        </message>
        <message>
            <source>ex. Découvrir sa tablette Ardoiz</source>
            <translation>e.g. Discover your Ardoiz tablet</translation>
        </message>
        <message>
            <source>Niveau</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Participants anonymes</source>
            <translation>Anonymous participants</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Type</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Date</translation>
        </message>
        <message>
            <source>D&amp;urée</source>
            <translation>D&amp;uration</translation>
        </message>
        <message>
            <source>&amp;Lieu</source>
            <translation>&amp;Place</translation>
        </message>
        <message>
            <source>&amp;Site</source>
            <translation>&amp;Site</translation>
        </message>
        <message>
            <source>A&amp;gent</source>
            <translation>A&amp;gent</translation>
        </message>
        <message>
            <source>T&amp;itre de l'atelier</source>
            <translation>Workshop t&amp;itle</translation>
        </message>
        <message>
            <source>Ni&amp;veau</source>
            <translation>Le&amp;vel</translation>
        </message>
        <message>
            <source>Participants &amp;anonymes</source>
            <translation>&amp;Anonymous participants</translation>
        </message>
        <message>
            <source>Autre durée…</source>
            <translation>Other duration…</translation>
        </message>
        <message>
            <source>Durée</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Durée en minutes</source>
            <translation>Duration in minutes</translation>
        </message>
        <message>
            <source>Thématiques et matériel</source>
            <translation>Themes and equipment</translation>
        </message>
        <message>
            <source>Matériel utilisé</source>
            <translation>Equipment used</translation>
        </message>
        <message>
            <source>Agents formés</source>
            <translation>Agents trained</translation>
        </message>
        <message>
            <source>Présents</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>Liste des présents</source>
            <translation>Attendance list</translation>
        </message>
        <message>
            <source>Retirer la personne sélectionnée</source>
            <translation>Remove the selected person</translation>
        </message>
        <message>
            <source>{n} présent(s). Double-clic ou F2 pour noter l'autonomie, une note ou un prochain rendez-vous.</source>
            <translation>{n} present. Double-click or F2 to note autonomy, a note or a next appointment.</translation>
        </message>
        <message>
            <source>Enregistrer une activité</source>
            <translation>Record an activity</translation>
        </message>
        <message>
            <source>Notes (RGPD : aucune information de santé ni de situation sociale).</source>
            <translation>Notes (GDPR: no health or social information).</translation>
        </message>
        <message>
            <source>Notes de l'activité</source>
            <translation>Activity notes</translation>
        </message>
        <message>
            <source>Enregistrer</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Ctrl+Entrée</source>
            <translation>Ctrl+Enter</translation>
        </message>
        <message>
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Supprimer l'activité…</source>
            <translation>Delete the activity…</translation>
        </message>
        <message>
            <source>Modifier l'activité</source>
            <translation>Correct the activity</translation>
        </message>
        <message>
            <source>Enregistrer les corrections</source>
            <translation>Save the corrections</translation>
        </message>
        <message>
            <source>Supprimer cette activité ?</source>
            <translation>Delete this activity?</translation>
        </message>
        <message>
            <source>L'activité et sa liste de présents seront supprimées, sur ce poste et sur les autres sites après l'échange des paquets.
Supprimer quand même ?</source>
            <translation>The activity and its attendance list will be deleted, on this computer and on the other sites once bundles are exchanged.
Delete anyway?</translation>
        </message>
        <message>
            <source>Abandonner les corrections ?</source>
            <translation>Discard the corrections?</translation>
        </message>
        <message>
            <source>Les corrections de cette activité ne sont pas enregistrées.
Abandonner quand même ?</source>
            <translation>The corrections to this activity are not saved.
Discard anyway?</translation>
        </message>
        <message>
            <source>Abandonner cette activité ?</source>
            <translation>Discard this activity?</translation>
        </message>
        <message>
            <source>L'activité et sa liste de présents ne sont pas enregistrées.
Abandonner quand même ?</source>
            <translation>The activity and its attendance list are not saved.
Discard anyway?</translation>
        </message>
    </context>
    <context>
        <name>RecoverySheetDialog</name>
        <message>
            <source>Enregistrer la fiche de secours</source>
            <translation>Save the recovery sheet</translation>
        </message>
        <message>
            <source>Ardoiz Desk — fiche de secours</source>
            <translation>Ardoiz Desk — recovery sheet</translation>
        </message>
        <message>
            <source>Guichet : {site}</source>
            <translation>Counter: {site}</translation>
        </message>
        <message>
            <source>Dossier des données : {folder}</source>
            <translation>Data folder: {folder}</translation>
        </message>
        <message>
            <source>Fiche créée le {date}</source>
            <translation>Sheet made on {date}</translation>
        </message>
        <message>
            <source>Clé de secours</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>Cette clé ouvre la base de ce poste si la phrase de passe est oubliée ou si l'ordinateur est remplacé. Avec elle, n'importe qui peut lire les données des personnes accompagnées.</source>
            <translation>This key opens this computer's base if the passphrase is forgotten or the computer replaced. With it, anyone can read the data of the people you help.</translation>
        </message>
        <message>
            <source>Imprimez cette fiche, puis supprimez le fichier PDF. Rangez la feuille sous clé (coffre ou armoire fermée de la structure), jamais dans le dossier des données, ni collée à l'ordinateur, ni envoyée par courriel.</source>
            <translation>Print this sheet, then delete the PDF file. Keep the sheet locked away (the organisation's safe or a locked cupboard), never in the data folder, never stuck to the computer, never sent by e-mail.</translation>
        </message>
        <message>
            <source>Pour ouvrir la base avec cette clé : au démarrage, cochez « J'utilise la clé de secours » et saisissez-la (en ligne de commande : --base-recovery-key-file).</source>
            <translation>To open the base with this key: at start-up, tick “I am using the recovery key” and type it (on the command line: --base-recovery-key-file).</translation>
        </message>
        <message>
            <source>Fiche de secours</source>
            <translation>Recovery sheet</translation>
        </message>
        <message>
            <source>La base de ce poste est chiffrée. La fiche de secours contient une clé qui l'ouvre si la phrase de passe est oubliée ou si l'ordinateur est remplacé. Enregistrez-la, imprimez-la, puis supprimez le fichier et rangez la feuille sous clé, loin de l'ordinateur.</source>
            <translation>This computer's base is encrypted. The recovery sheet holds a key that opens it if the passphrase is forgotten or the computer replaced. Save it, print it, then delete the file and keep the sheet locked away, far from the computer.</translation>
        </message>
        <message>
            <source>Enregistrer la fiche de secours (PDF)…</source>
            <translation>Save the recovery sheet (PDF)…</translation>
        </message>
        <message>
            <source>Terminer</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>Impossible d'enregistrer la fiche : {0}</source>
            <translation>Cannot save the sheet: {0}</translation>
        </message>
        <message>
            <source>Fiche enregistrée : {0}. Imprimez-la, puis supprimez ce fichier.</source>
            <translation>Sheet saved: {0}. Print it, then delete this file.</translation>
        </message>
    </context>
    <context>
        <name>ReportCharts</name>
        <message>
            <source>Activités par mois et par étape (mois/année)</source>
            <translation>Activities per month and stage (month/year)</translation>
        </message>
        <message>
            <source>Aucune donnée</source>
            <translation>No data</translation>
        </message>
        <message>
            <source>{label} : {value}</source>
            <translation>{label}: {value}</translation>
        </message>
        <message>
            <source>Individuels</source>
            <translation>Individual</translation>
        </message>
        <message>
            <source>Ateliers</source>
            <translation>Workshops</translation>
        </message>
        <message>
            <source>Formations</source>
            <translation>Trainings</translation>
        </message>
        <message>
            <source>Ateliers et accompagnements individuels</source>
            <translation>Workshops and individual sessions</translation>
        </message>
        <message>
            <source>Autonomie : première et dernière séance</source>
            <translation>Autonomy: first and last session</translation>
        </message>
        <message>
            <source>Première séance</source>
            <translation>First session</translation>
        </message>
        <message>
            <source>Dernière séance</source>
            <translation>Last session</translation>
        </message>
        <message>
            <source>Avec guidage</source>
            <translation>With guidance</translation>
        </message>
        <message>
            <source>Guidage si besoin</source>
            <translation>Guidance if needed</translation>
        </message>
        <message>
            <source>Autonome</source>
            <translation>Autonomous</translation>
        </message>
        <message>
            <source>Non renseignée</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Tranches d'âge</source>
            <translation>Age bands</translation>
        </message>
        <message>
            <source>Thématiques</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Durée des activités</source>
            <translation>Activity duration</translation>
        </message>
        <message>
            <source>Lieux</source>
            <translation>Places</translation>
        </message>
    </context>
    <context>
        <name>ReportNumbers</name>
        <message>
            <source>fr_FR</source>
            <translation>en_GB</translation>
        </message>
    </context>
    <context>
        <name>ReportPdf</name>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Champ</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Thématiques</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Page {page} / {total}</source>
            <translation>Page {page} / {total}</translation>
        </message>
        <message>
            <source>Définitions. Personnes accompagnées : personnes distinctes présentes à au moins un atelier ou accompagnement de la période (doublons fusionnés comptés une fois). Nouvelles : première présence jamais enregistrée dans la période ; déjà suivies : présentes avant la période. Participants anonymes : somme déclarée par activité. Tablettes prises en main : personnes ayant eu une séance individuelle de prise en main sur tablette dans la période et disposant d'une tablette (personnelle ou prêtée). Agents formés : agents distincts ayant suivi une formation dans la période.</source>
            <translation>Definitions. People supported: distinct people present at one or more workshops or individual sessions in the period (merged duplicates counted once). New: first attendance ever recorded falls in the period; already followed: attended before the period. Anonymous participants: sum declared per activity. Tablets onboarded: people who had an individual hands-on session on a tablet in the period and have a tablet (their own or on loan). Agents trained: distinct agents who followed a training in the period.</translation>
        </message>
        <message>
            <source>Pilote Ardoiz — rapport d'activité, {period}</source>
            <translation>Ardoiz pilot — activity report, {period}</translation>
        </message>
        <message>
            <source>Pilote Ardoiz — rapport d'activité — {site}, {period}</source>
            <translation>Ardoiz pilot — activity report — {site}, {period}</translation>
        </message>
        <message>
            <source>Édité le {date}</source>
            <translation>Issued on {date}</translation>
        </message>
        <message>
            <source>Pilote Ardoiz — rapport d'activité</source>
            <translation>Ardoiz pilot — activity report</translation>
        </message>
        <message>
            <source>Périmètre</source>
            <translation>Scope</translation>
        </message>
        <message>
            <source>Chiffres clés</source>
            <translation>Key figures</translation>
        </message>
        <message>
            <source>Activités</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Personnes accompagnées</source>
            <translation>People supported</translation>
        </message>
        <message>
            <source>Fiche personnelle</source>
            <translation>Personal record</translation>
        </message>
        <message>
            <source>Fiche personnelle — droit d'accès (RGPD)</source>
            <translation>Personal record — right of access (GDPR)</translation>
        </message>
        <message>
            <source>{name}. Ce document reprend tout ce que cette installation d'Ardoiz Desk (site : {site}) enregistre sur cette personne, au {date}.</source>
            <translation>{name}. This document contains everything this Ardoiz Desk installation (site: {site}) records about this person, as of {date}.</translation>
        </message>
        <message>
            <source>non précisé</source>
            <translation>not specified</translation>
        </message>
        <message>
            <source>Informations enregistrées</source>
            <translation>Recorded information</translation>
        </message>
        <message>
            <source>Valeur</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Fiches en double fusionnées dans celle-ci</source>
            <translation>Duplicate records merged into this one</translation>
        </message>
        <message>
            <source>Nom</source>
            <translation>Surname</translation>
        </message>
        <message>
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>Année de naissance</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Activités suivies</source>
            <translation>Activities attended</translation>
        </message>
        <message>
            <source>Rendez-vous de suivi</source>
            <translation>Follow-up appointments</translation>
        </message>
        <message>
            <source>Aucun</source>
            <translation>None</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Durée (min)</source>
            <translation>Length (min)</translation>
        </message>
        <message>
            <source>Autonomie</source>
            <translation>Autonomy</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Date prévue</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>Motif</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Fait</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Fait le</source>
            <translation>Done on</translation>
        </message>
        <message>
            <source>Oui</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Non</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>ReportWording</name>
        <message>
            <source>Tout le territoire</source>
            <translation>Whole territory</translation>
        </message>
        <message>
            <source>Tous les agents</source>
            <translation>All agents</translation>
        </message>
        <message>
            <source>Toutes les étapes</source>
            <translation>All stages</translation>
        </message>
        <message>
            <source>Sans site</source>
            <translation>No site</translation>
        </message>
        <message>
            <source>Non communiquée</source>
            <translation>Not given</translation>
        </message>
        <message>
            <source>janvier</source>
            <translation>January</translation>
        </message>
        <message>
            <source>février</source>
            <translation>February</translation>
        </message>
        <message>
            <source>mars</source>
            <translation>March</translation>
        </message>
        <message>
            <source>avril</source>
            <translation>April</translation>
        </message>
        <message>
            <source>mai</source>
            <translation>May</translation>
        </message>
        <message>
            <source>juin</source>
            <translation>June</translation>
        </message>
        <message>
            <source>juillet</source>
            <translation>July</translation>
        </message>
        <message>
            <source>août</source>
            <translation>August</translation>
        </message>
        <message>
            <source>septembre</source>
            <translation>September</translation>
        </message>
        <message>
            <source>octobre</source>
            <translation>October</translation>
        </message>
        <message>
            <source>novembre</source>
            <translation>November</translation>
        </message>
        <message>
            <source>décembre</source>
            <translation>December</translation>
        </message>
        <message>
            <source>du {start} au {end}</source>
            <translation>from {start} to {end}</translation>
        </message>
        <message>
            <source>Activités</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Accompagnements individuels</source>
            <translation>Individual sessions</translation>
        </message>
        <message>
            <source>Ateliers collectifs</source>
            <translation>Group workshops</translation>
        </message>
        <message>
            <source>Formations des agents</source>
            <translation>Agent trainings</translation>
        </message>
        <message>
            <source>Heures d'activité</source>
            <translation>Activity hours</translation>
        </message>
        <message>
            <source>Personnes accompagnées</source>
            <translation>People supported</translation>
        </message>
        <message>
            <source>dont nouvelles</source>
            <translation>of whom new</translation>
        </message>
        <message>
            <source>dont déjà suivies</source>
            <translation>of whom already followed</translation>
        </message>
        <message>
            <source>Participants anonymes</source>
            <translation>Anonymous participants</translation>
        </message>
        <message>
            <source>Présences enregistrées</source>
            <translation>Recorded attendances</translation>
        </message>
        <message>
            <source>Agents formés</source>
            <translation>Agents trained</translation>
        </message>
        <message>
            <source>Tablettes prises en main</source>
            <translation>Tablets onboarded</translation>
        </message>
        <message>
            <source>Synthèse</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Type d'activité</source>
            <translation>Activity type</translation>
        </message>
        <message>
            <source>Activités par mois</source>
            <translation>Activities per month</translation>
        </message>
        <message>
            <source>Commune de résidence</source>
            <translation>Municipality of residence</translation>
        </message>
        <message>
            <source>Autonomie</source>
            <translation>Autonomy</translation>
        </message>
        <message>
            <source>Période</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Étape</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Édité le</source>
            <translation>Issued on</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>Indicateur</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Valeur</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Heures</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Mois</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Personnes</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Niveau d'autonomie</source>
            <translation>Autonomy level</translation>
        </message>
        <message>
            <source>Première séance</source>
            <translation>First session</translation>
        </message>
        <message>
            <source>Dernière séance</source>
            <translation>Latest session</translation>
        </message>
        <message>
            <source>Tranches d'âge</source>
            <translation>Age bands</translation>
        </message>
        <message>
            <source>Tranche d'âge</source>
            <translation>Age band</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Statut social</source>
            <translation>Social status</translation>
        </message>
        <message>
            <source>Statut</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Thématiques</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Thématique</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>Lieux</source>
            <translation>Places</translation>
        </message>
        <message>
            <source>Lieu</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Matériel</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>Durées</source>
            <translation>Lengths</translation>
        </message>
        <message>
            <source>Durée</source>
            <translation>Length</translation>
        </message>
        <message>
            <source>Nom</source>
            <translation>Surname</translation>
        </message>
        <message>
            <source>Prénom</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>Année de naissance</source>
            <translation>Year of birth</translation>
        </message>
        <message>
            <source>Code INSEE</source>
            <translation>INSEE code</translation>
        </message>
        <message>
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Notice d'information remise le</source>
            <translation>Information notice given on</translation>
        </message>
        <message>
            <source>Tablette</source>
            <translation>Tablet</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>ReportsPane</name>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Actualiser</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Export en cours…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>déjà exportés : {n}, nouveaux : {m}</source>
            <translation>already exported: {n}, new: {m}</translation>
        </message>
        <message>
            <source>La Coop écarterait ces valeurs, qui ne seront pas dans le fichier :</source>
            <translation>La Coop would drop these values; they will not be in the file:</translation>
        </message>
        <message>
            <source>• {name} — {field} « {value} » : {reason}</source>
            <translation>• {name} — {field} “{value}”: {reason}</translation>
        </message>
        <message>
            <source> (écrit : {written})</source>
            <translation> (written: {written})</translation>
        </message>
        <message>
            <source>… et {n} autres.</source>
            <translation>… and {n} more.</translation>
        </message>
        <message>
            <source>Corrigez-les sur la fiche de la personne pour qu'elles partent.</source>
            <translation>Correct them on the person's card so that they go.</translation>
        </message>
        <message>
            <source>Écrire le fichier ?</source>
            <translation>Write the file?</translation>
        </message>
        <message>
            <source>Personne de nouveau à exporter.</source>
            <translation>Nobody new to export.</translation>
        </message>
        <message>
            <source>Exporter pour La Coop</source>
            <translation>Export for La Coop</translation>
        </message>
        <message>
            <source>12 derniers mois</source>
            <translation>Last 12 months</translation>
        </message>
        <message>
            <source>Ce mois-ci</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Le mois dernier</source>
            <translation>Last month</translation>
        </message>
        <message>
            <source>Ce trimestre</source>
            <translation>This quarter</translation>
        </message>
        <message>
            <source>Cette année</source>
            <translation>This year</translation>
        </message>
        <message>
            <source>L'année dernière</source>
            <translation>Last year</translation>
        </message>
        <message>
            <source>Début de la période</source>
            <translation>Start of the period</translation>
        </message>
        <message>
            <source>Fin de la période</source>
            <translation>End of the period</translation>
        </message>
        <message>
            <source>Période</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Personnalisée</source>
            <translation>Custom</translation>
        </message>
        <message>
            <source>Toutes les étapes</source>
            <translation>All stages</translation>
        </message>
        <message>
            <source>Du</source>
            <translation>From</translation>
        </message>
        <message>
            <source>au</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Étape</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Exporter en CSV…</source>
            <translation>Export to CSV…</translation>
        </message>
        <message>
            <source>Exporter en Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>Exporter en PDF…</source>
            <translation>Export to PDF…</translation>
        </message>
        <message>
            <source>Export La Coop…</source>
            <translation>La Coop export…</translation>
        </message>
        <message>
            <source>Tout le territoire</source>
            <translation>Whole territory</translation>
        </message>
        <message>
            <source>Tous les agents</source>
            <translation>All agents</translation>
        </message>
        <message>
            <source>La date de début est après la date de fin.</source>
            <translation>The start date is after the end date.</translation>
        </message>
        <message>
            <source>Calcul du rapport…</source>
            <translation>Computing the report…</translation>
        </message>
        <message>
            <source>Le rapport n'a pas pu être calculé : {message}</source>
            <translation>The report could not be computed: {message}</translation>
        </message>
        <message>
            <source>Rapport {period} — {site}</source>
            <translation>Report {period} — {site}</translation>
        </message>
        <message>
            <source>Chiffres des graphiques</source>
            <translation>Chart figures</translation>
        </message>
        <message>
            <source>La Coop ne lit que les fichiers .xlsx.</source>
            <translation>La Coop reads .xlsx files only.</translation>
        </message>
        <message>
            <source>Export pour La Coop annulé.</source>
            <translation>La Coop export cancelled.</translation>
        </message>
        <message>
            <source>Fichier enregistré : {path}</source>
            <translation>File saved: {path}</translation>
        </message>
        <message>
            <source>L'export a échoué : {message}</source>
            <translation>The export failed: {message}</translation>
        </message>
        <message>
            <source>Aucune donnée.</source>
            <translation>No data.</translation>
        </message>
        <message>
            <source>{item} : {value}</source>
            <translation>{item}: {value}</translation>
        </message>
        <message>
            <source>suite dans le tableau des chiffres.</source>
            <translation>more in the figures table.</translation>
        </message>
        <message>
            <source>Graphique</source>
            <translation>Chart</translation>
        </message>
        <message>
            <source>Catégorie</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Série</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>Valeur</source>
            <translation>Value</translation>
        </message>
    </context>
    <context>
        <name>RightsBar</name>
        <message>
            <source>Exporter ses données</source>
            <translation>Export their data</translation>
        </message>
        <message>
            <source>PDF (*.pdf);;JSON (*.json)</source>
            <translation>PDF (*.pdf);;JSON (*.json)</translation>
        </message>
        <message>
            <source>Exporter ses données…</source>
            <translation>Export their data…</translation>
        </message>
        <message>
            <source>Droit d'accès : tout ce que la base contient sur elle</source>
            <translation>Right of access: everything the base holds about this person</translation>
        </message>
        <message>
            <source>Effacer ses données…</source>
            <translation>Erase their data…</translation>
        </message>
        <message>
            <source>Droit à l'effacement, transmis à tous les sites</source>
            <translation>Right to erasure, passed on to every site</translation>
        </message>
        <message>
            <source>Export impossible</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Export terminé</source>
            <translation>Export finished</translation>
        </message>
        <message>
            <source>Données exportées dans {path}</source>
            <translation>Data exported to {path}</translation>
        </message>
        <message>
            <source>Effacer définitivement les données personnelles de {name} ?

Son nom, ses coordonnées et ses notes seront vidés ici et, par les paquets, sur tous les sites. Ses activités restent comptées de façon anonyme. Cette action ne peut pas être annulée.</source>
            <translation>Permanently erase the personal data of {name}?

Their name, contact details and notes will be emptied here and, through bundles, on every site. Their activities stay counted anonymously. This cannot be undone.</translation>
        </message>
        <message>
            <source>Droit à l'effacement</source>
            <translation>Right to erasure</translation>
        </message>
    </context>
    <context>
        <name>SettingsPane</name>
        <message>
            <source>Paramètres</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Langue</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>&amp;Langue</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>La langue change au prochain démarrage.</source>
            <translation>The language changes at the next start.</translation>
        </message>
        <message>
            <source>Taille du texte</source>
            <translation>Text size</translation>
        </message>
        <message>
            <source>Taille du &amp;texte</source>
            <translation>&amp;Text size</translation>
        </message>
        <message>
            <source> mois</source>
            <translation> months</translation>
        </message>
        <message>
            <source>Durée de conservation</source>
            <translation>Retention period</translation>
        </message>
        <message>
            <source>&amp;Conservation des données</source>
            <translation>&amp;Data retention</translation>
        </message>
        <message>
            <source>Durée après le dernier contact au-delà de laquelle les données d'une personne sont anonymisées (RGPD ; la CNIL retient 2 ans pour l'accompagnement social).</source>
            <translation>Time after the last contact beyond which a person's data is anonymised (GDPR; the CNIL uses 2 years for social support).</translation>
        </message>
        <message>
            <source>Ce guichet</source>
            <translation>This counter</translation>
        </message>
        <message>
            <source>Dossier des données</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <source>Voir et anonymiser…</source>
            <translation>Review and anonymise…</translation>
        </message>
        <message>
            <source>Anonymiser les personnes au-delà de la durée de conservation</source>
            <translation>Anonymise people past the retention period</translation>
        </message>
        <message>
            <source>{count} personne(s) sans contact depuis plus de {months} mois.</source>
            <translation>{count} person(s) with no contact for more than {months} months.</translation>
        </message>
        <message>
            <source>… et {count} autre(s)</source>
            <translation>… and {count} more</translation>
        </message>
        <message>
            <source>{count} personne(s) n'ont pas été vues depuis plus de {months} mois :

{names}

Anonymiser leurs données ? Leurs activités restent comptées dans les rapports ; l'effacement sera transmis aux autres sites et ne peut pas être annulé.</source>
            <translation>{count} person(s) have not been seen for more than {months} months:

{names}

Anonymise their data? Their activities still count in the reports; the erasure will be passed on to the other sites and cannot be undone.</translation>
        </message>
        <message>
            <source>Conservation des données</source>
            <translation>Data retention</translation>
        </message>
        <message>
            <source>Site : {site} · Agent : {agent}</source>
            <translation>Site: {site} · Agent: {agent}</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Cette liste des raccourcis</source>
            <translation>This list of shortcuts</translation>
        </message>
        <message>
            <source>Aller à un volet (Participants … Paramètres)</source>
            <translation>Go to a pane (Participants … Settings)</translation>
        </message>
        <message>
            <source>Rechercher un participant</source>
            <translation>Search for a participant</translation>
        </message>
        <message>
            <source>Nouveau participant</source>
            <translation>New participant</translation>
        </message>
        <message>
            <source>Enregistrer une activité</source>
            <translation>Record an activity</translation>
        </message>
        <message>
            <source>Ouvrir la fiche sélectionnée (Participants, Suivis)</source>
            <translation>Open the selected record (Participants, Follow-ups)</translation>
        </message>
        <message>
            <source>Enregistrer la fiche</source>
            <translation>Save the record</translation>
        </message>
        <message>
            <source>Enregistrer l'activité</source>
            <translation>Save the activity</translation>
        </message>
        <message>
            <source>Nouveau participant depuis la liste des présents</source>
            <translation>New participant from the attendance list</translation>
        </message>
        <message>
            <source>Marquer le suivi comme fait (Suivis)</source>
            <translation>Mark the follow-up done (Follow-ups)</translation>
        </message>
        <message>
            <source>Annuler « marquer fait » (Suivis)</source>
            <translation>Undo “mark done” (Follow-ups)</translation>
        </message>
        <message>
            <source>Fermer la fenêtre ou la fiche</source>
            <translation>Close the window or the record</translation>
        </message>
        <message>
            <source>Tab, Maj+Tab</source>
            <translation>Tab, Shift+Tab</translation>
        </message>
        <message>
            <source>Champ suivant, précédent ; un Tab sort d'un tableau, les flèches s'y déplacent</source>
            <translation>Next, previous field; one Tab leaves a table, arrows move inside it</translation>
        </message>
        <message>
            <source>Raccourcis clavier</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Touches</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
    </context>
    <context>
        <name>StartWindow</name>
        <message>
            <source>Ouverture de la base…</source>
            <translation>Opening the database…</translation>
        </message>
        <message>
            <source>Ouverture de la base</source>
            <translation>Opening the database</translation>
        </message>
        <message>
            <source>Phrase de passe ou clé de secours incorrecte : la base reste fermée.</source>
            <translation>Wrong passphrase or recovery key: the base stays closed.</translation>
        </message>
        <message>
            <source>La base est chiffrée : saisissez sa phrase de passe.</source>
            <translation>The base is encrypted: type its passphrase.</translation>
        </message>
        <message>
            <source>Cette base a été enregistrée par une version plus récente d'Ardoiz Desk (schéma {found}). Cette version connaît les schémas jusqu'à {known} : installez la version la plus récente. La base n'a pas été modifiée.</source>
            <translation>This database was saved by a newer version of Ardoiz Desk (schema {found}). This version knows schemas up to {known}: please install the latest version. The database has not been changed.</translation>
        </message>
        <message>
            <source>Impossible d'ouvrir la base :
{error}</source>
            <translation>Could not open the database:
{error}</translation>
        </message>
        <message>
            <source>Aucune phrase de passe choisie : la base n'a pas été créée.</source>
            <translation>No passphrase chosen: the base was not created.</translation>
        </message>
        <message>
            <source>Vous avez ouvert la base avec la clé de secours : choisissez une nouvelle phrase de passe pour les prochaines ouvertures.</source>
            <translation>You opened the base with the recovery key: choose a new passphrase for the next openings.</translation>
        </message>
    </context>
    <context>
        <name>SyncPane</name>
        <message>
            <source>En attente</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>État</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Dernier paquet</source>
            <translation>Last bundle</translation>
        </message>
        <message>
            <source>En attente d'approbation</source>
            <translation>Waiting for approval</translation>
        </message>
        <message>
            <source>Effacements</source>
            <translation>Erasures</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>une installation sans site</source>
            <translation>an installation without a site</translation>
        </message>
        <message>
            <source>Échanger</source>
            <translation>Exchange</translation>
        </message>
        <message>
            <source>Conflits</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Installations</source>
            <translation>Installations</translation>
        </message>
        <message>
            <source>Progression</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Exporter un paquet</source>
            <translation>Export a bundle</translation>
        </message>
        <message>
            <source>Paquets Ardoiz (*.ardoiz)</source>
            <translation>Ardoiz bundles (*.ardoiz)</translation>
        </message>
        <message>
            <source>Importer des paquets</source>
            <translation>Import bundles</translation>
        </message>
        <message>
            <source>Dossier partagé</source>
            <translation>Shared folder</translation>
        </message>
        <message>
            <source>Territoire « {0} » — ce poste : {1} — empreinte de sa clé : {2}</source>
            <translation>Territory “{0}” — this computer: {1} — its key fingerprint: {2}</translation>
        </message>
        <message>
            <source>Ce poste n'appartient à aucun territoire : rejoignez-le ou créez-le dans l'onglet « Installations ».</source>
            <translation>This computer belongs to no territory: join one or create it in the “Installations” tab.</translation>
        </message>
        <message>
            <source>Dossier partagé : {0}</source>
            <translation>Shared folder: {0}</translation>
        </message>
        <message>
            <source>Aucun dossier partagé choisi.</source>
            <translation>No shared folder chosen.</translation>
        </message>
        <message>
            <source>Tout (paquet complet)</source>
            <translation>Everything (full bundle)</translation>
        </message>
        <message>
            <source>Seulement ce qui manque à {0}</source>
            <translation>Only what {0} is missing</translation>
        </message>
        <message>
            <source>Conflits ({0})</source>
            <translation>Conflicts ({0})</translation>
        </message>
        <message>
            <source>Installations ({0} en attente)</source>
            <translation>Installations ({0} waiting)</translation>
        </message>
        <message>
            <source>Choisissez d'abord le dossier partagé.</source>
            <translation>Choose the shared folder first.</translation>
        </message>
        <message>
            <source>Export en cours…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>rien de nouveau</source>
            <translation>nothing new</translation>
        </message>
        <message>
            <source>Paquet déposé dans le dossier partagé : {0} ({1} Ko).</source>
            <translation>Bundle placed in the shared folder: {0} ({1} KB).</translation>
        </message>
        <message>
            <source>Paquet enregistré : « {0} » dans {1} — {2} ({3} Ko).</source>
            <translation>Bundle saved: “{0}” in {1} — {2} ({3} KB).</translation>
        </message>
        <message>
            <source>Lecture des paquets…</source>
            <translation>Reading the bundles…</translation>
        </message>
        <message>
            <source>Aperçu : {0} paquet(s) prêt(s), {1} refusé(s). Rien n'a encore été modifié.</source>
            <translation>Preview: {0} bundle(s) ready, {1} refused. Nothing has been changed yet.</translation>
        </message>
        <message>
            <source>Rien à importer.</source>
            <translation>Nothing to import.</translation>
        </message>
        <message>
            <source>Import en cours…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>Import annulé : rien n'a été modifié.</source>
            <translation>Import cancelled: nothing was changed.</translation>
        </message>
        <message>
            <source>Import terminé : {0} paquet(s) importé(s), {1} en attente, {2} refusé(s).</source>
            <translation>Import finished: {0} bundle(s) imported, {1} waiting, {2} refused.</translation>
        </message>
        <message>
            <source>{0} paquet(s) nouveau(x) ou modifié(s) depuis l'aperçu, non importé(s) : relancez l'aperçu.</source>
            <translation>{0} bundle(s) new or changed since the preview, not imported: run the preview again.</translation>
        </message>
        <message>
            <source>Enregistrement…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Valeur rétablie. Exportez un paquet pour que les autres sites la reçoivent.</source>
            <translation>Value restored. Export a bundle so that the other sites receive it.</translation>
        </message>
        <message>
            <source>Choisissez une installation en attente.</source>
            <translation>Choose a waiting installation.</translation>
        </message>
        <message>
            <source>Approuver l'installation {0} dont la clé a pour empreinte {1} ?</source>
            <translation>Approve the installation {0} whose key fingerprint is {1}?</translation>
        </message>
        <message>
            <source>sans site</source>
            <translation>without a site</translation>
        </message>
        <message>
            <source>Approuver une installation</source>
            <translation>Approve an installation</translation>
        </message>
        <message>
            <source>Import des paquets en attente…</source>
            <translation>Importing the waiting bundles…</translation>
        </message>
        <message>
            <source>Rejoignez d'abord le territoire (la coordination, elle, le crée) dans l'onglet « Installations » : ce poste pourra ensuite envoyer et recevoir des paquets.</source>
            <translation>First join the territory (the coordination creates it) in the “Installations” tab: this computer can then send and receive bundles.</translation>
        </message>
        <message>
            <source>Envoyer les données de ce poste</source>
            <translation>Send this computer's data</translation>
        </message>
        <message>
            <source>Contenu du paquet</source>
            <translation>Bundle contents</translation>
        </message>
        <message>
            <source>Exporter vers un fichier…</source>
            <translation>Export to a file…</translation>
        </message>
        <message>
            <source>Déposer dans le dossier partagé</source>
            <translation>Put in the shared folder</translation>
        </message>
        <message>
            <source>Choisir le dossier partagé…</source>
            <translation>Choose the shared folder…</translation>
        </message>
        <message>
            <source>Recevoir les données des autres sites</source>
            <translation>Receive the other sites' data</translation>
        </message>
        <message>
            <source>Importer des fichiers…</source>
            <translation>Import files…</translation>
        </message>
        <message>
            <source>Relever le dossier partagé</source>
            <translation>Check the shared folder</translation>
        </message>
        <message>
            <source>Chaque import commence par un aperçu : rien n'est modifié tant que vous n'avez pas confirmé.</source>
            <translation>Every import starts with a preview: nothing is changed until you confirm.</translation>
        </message>
        <message>
            <source>Aperçu de l'import</source>
            <translation>Import preview</translation>
        </message>
        <message>
            <source>Détail de l'import</source>
            <translation>Import details</translation>
        </message>
        <message>
            <source>Le détail d'un aperçu (qui est ajouté, modifié, effacé) s'affiche ici.</source>
            <translation>The details of a preview (who is added, changed, erased) show here.</translation>
        </message>
        <message>
            <source>Appliquer l'import</source>
            <translation>Apply the import</translation>
        </message>
        <message>
            <source>Annuler</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Deux sites ont modifié le même champ en même temps. La valeur la plus récente a été gardée ; vous pouvez rétablir l'autre.</source>
            <translation>Two sites changed the same field at the same time. The most recent value was kept; you can restore the other one.</translation>
        </message>
        <message>
            <source>Conflits à examiner</source>
            <translation>Conflicts to review</translation>
        </message>
        <message>
            <source>Garder la valeur retenue</source>
            <translation>Keep the chosen value</translation>
        </message>
        <message>
            <source>Rétablir la valeur écartée</source>
            <translation>Restore the set-aside value</translation>
        </message>
        <message>
            <source>Les paquets d'une installation inconnue attendent ici. Vérifiez l'empreinte de sa clé par téléphone avant de l'approuver.</source>
            <translation>Bundles from an unknown installation wait here. Check its key fingerprint by phone before approving it.</translation>
        </message>
        <message>
            <source>Installations du territoire</source>
            <translation>Installations of the territory</translation>
        </message>
        <message>
            <source>Approuver et importer ses paquets</source>
            <translation>Approve and import its bundles</translation>
        </message>
        <message>
            <source>Importé</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>Prêt à importer</source>
            <translation>Ready to import</translation>
        </message>
        <message>
            <source>Déjà importé</source>
            <translation>Already imported</translation>
        </message>
        <message>
            <source>Ignoré</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <source>Refusé</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Non importé : changé depuis l'aperçu</source>
            <translation>Not imported: changed since the preview</translation>
        </message>
        <message>
            <source>(vide)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>oui</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>non</source>
            <translation>no</translation>
        </message>
        <message>
            <source>Fichier</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Origine</source>
            <translation>Origin</translation>
        </message>
        <message>
            <source>Nouveaux</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Modifiés</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Suppressions</source>
            <translation>Deletions</translation>
        </message>
        <message>
            <source>Détail</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Fiche</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Champ</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Valeur gardée</source>
            <translation>Kept value</translation>
        </message>
        <message>
            <source>Écrite par</source>
            <translation>Written by</translation>
        </message>
        <message>
            <source>Valeur écartée</source>
            <translation>Set-aside value</translation>
        </message>
        <message>
            <source>Écrite par </source>
            <translation>Written by </translation>
        </message>
        <message>
            <source>De confiance</source>
            <translation>Trusted</translation>
        </message>
        <message>
            <source>Révoquée</source>
            <translation>Revoked</translation>
        </message>
        <message>
            <source>En attente — {0} clés différentes : vérifiez l'empreinte</source>
            <translation>Pending — {0} different keys: check the fingerprint</translation>
        </message>
        <message>
            <source>(inconnu)</source>
            <translation>(unknown)</translation>
        </message>
        <message>
            <source>Rôle</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Empreinte de la clé</source>
            <translation>Key fingerprint</translation>
        </message>
        <message>
            <source>Paquets en attente</source>
            <translation>Bundles waiting</translation>
        </message>
        <message>
            <source>{0} personne</source>
            <translation>{0} person</translation>
        </message>
        <message>
            <source>{0} personnes</source>
            <translation>{0} people</translation>
        </message>
        <message>
            <source>{0} activité</source>
            <translation>{0} activity</translation>
        </message>
        <message>
            <source>{0} activités</source>
            <translation>{0} activities</translation>
        </message>
        <message>
            <source>{0} présence</source>
            <translation>{0} attendance</translation>
        </message>
        <message>
            <source>{0} présences</source>
            <translation>{0} attendances</translation>
        </message>
        <message>
            <source>{0} suivi</source>
            <translation>{0} follow-up</translation>
        </message>
        <message>
            <source>{0} suivis</source>
            <translation>{0} follow-ups</translation>
        </message>
        <message>
            <source>{0} présence en formation</source>
            <translation>{0} training attendance</translation>
        </message>
        <message>
            <source>{0} présences en formation</source>
            <translation>{0} training attendances</translation>
        </message>
        <message>
            <source>{0} agent</source>
            <translation>{0} agent</translation>
        </message>
        <message>
            <source>{0} agents</source>
            <translation>{0} agents</translation>
        </message>
        <message>
            <source>{0} site</source>
            <translation>{0} site</translation>
        </message>
        <message>
            <source>{0} sites</source>
            <translation>{0} sites</translation>
        </message>
        <message>
            <source>{0} autre</source>
            <translation>{0} other</translation>
        </message>
        <message>
            <source>{0} autres</source>
            <translation>{0} others</translation>
        </message>
        <message>
            <source>Nouveau : {0}.</source>
            <translation>New: {0}.</translation>
        </message>
        <message>
            <source>Modifié : {0}.</source>
            <translation>Changed: {0}.</translation>
        </message>
        <message>
            <source>Supprimé : {0}.</source>
            <translation>Deleted: {0}.</translation>
        </message>
        <message>
            <source>Effacé : {0}.</source>
            <translation>Erased: {0}.</translation>
        </message>
        <message>
            <source>{0} conflit(s) à examiner (onglet « Conflits »).</source>
            <translation>{0} conflict(s) to review (“Conflicts” tab).</translation>
        </message>
        <message>
            <source>installation inconnue</source>
            <translation>unknown installation</translation>
        </message>
    </context>
    <context>
        <name>SyncSettings</name>
        <message>
            <source>Synchronisation</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Dossier partagé</source>
            <translation>Shared folder</translation>
        </message>
        <message>
            <source>Choisir le dossier partagé…</source>
            <translation>Choose the shared folder…</translation>
        </message>
        <message>
            <source>Synchroniser maintenant</source>
            <translation>Synchronise now</translation>
        </message>
        <message>
            <source>Mode manuel : ne rien appliquer sans aperçu</source>
            <translation>Manual mode: apply nothing without a preview</translation>
        </message>
        <message>
            <source>Ardoiz Desk synchronise seul quand le dossier est joignable (clé USB branchée, partage réseau), après vos saisies et à la fermeture. En mode manuel, les paquets reçus attendent votre aperçu dans « Synchronisation ».</source>
            <translation>Ardoiz Desk synchronises by itself when the folder is reachable (USB stick plugged in, network share), after your edits and on closing. In manual mode, received bundles wait for your preview in "Synchronisation".</translation>
        </message>
        <message>
            <source> jours</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Site silencieux après</source>
            <translation>Site silent after</translation>
        </message>
        <message>
            <source>Dossier inutilisable : {0}</source>
            <translation>Folder unusable: {0}</translation>
        </message>
        <message>
            <source>Aucun dossier choisi.</source>
            <translation>No folder chosen.</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>Accès refusé{where} : choisissez un dossier où vous pouvez écrire.</source>
            <translation>Access denied{where}: choose a folder you can write to.</translation>
        </message>
        <message>
            <source>Le disque ou la clé USB est plein{where} : rien n'a été enregistré. Libérez de la place ou choisissez un autre support.</source>
            <translation>The disk or USB stick is full{where}: nothing was saved. Free some space or choose another drive.</translation>
        </message>
        <message>
            <source>Le support est en lecture seule{where} : choisissez-en un autre.</source>
            <translation>The drive is read-only{where}: choose another one.</translation>
        </message>
        <message>
            <source>Fichier ou dossier introuvable{where} : la clé USB a-t-elle été retirée ?</source>
            <translation>File or folder not found{where}: was the USB stick removed?</translation>
        </message>
        <message>
            <source>Lecture ou écriture impossible{where} : {reason}</source>
            <translation>Cannot read or write{where}: {reason}</translation>
        </message>
        <message>
            <source>Le disque est plein : rien n'a été enregistré. Ce que vous avez saisi reste à l'écran ; libérez de la place puis enregistrez à nouveau.</source>
            <translation>The disk is full: nothing was saved. What you typed is still on screen; free some space, then save again.</translation>
        </message>
        <message>
            <source>La base est occupée par une autre opération : réessayez dans un instant.</source>
            <translation>The base is busy with another operation: try again in a moment.</translation>
        </message>
        <message>
            <source>La base est en lecture seule : vérifiez les droits du dossier des données.</source>
            <translation>The base is read-only: check the permissions of the data folder.</translation>
        </message>
        <message>
            <source>Le dossier des données est inaccessible ou en lecture seule : le support a-t-il été retiré ? Rien n'a été enregistré.</source>
            <translation>The data folder cannot be reached or is read-only: was the drive removed? Nothing was saved.</translation>
        </message>
        <message>
            <source>Erreur de lecture ou d'écriture sur le disque : le support a-t-il été retiré ? Rien n'a été enregistré.</source>
            <translation>Disk read or write error: was the drive removed? Nothing was saved.</translation>
        </message>
        <message>
            <source>La base ne s'ouvre pas avec cette clé, ou ce n'est pas une base Ardoiz Desk.</source>
            <translation>The base does not open with this key, or it is not an Ardoiz Desk base.</translation>
        </message>
    </context>
    <context>
        <name>TerritoryBoard</name>
        <message>
            <source>Approuvé</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>En attente</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Révoqué</source>
            <translation>Revoked</translation>
        </message>
        <message>
            <source>jamais reçu</source>
            <translation>never received</translation>
        </message>
        <message>
            <source>{0} j</source>
            <translation>{0} d</translation>
        </message>
        <message>
            <source> — silencieux</source>
            <translation> — silent</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>(site inconnu)</source>
            <translation>(unknown site)</translation>
        </message>
        <message>
            <source>État</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Dernier paquet</source>
            <translation>Last bundle</translation>
        </message>
        <message>
            <source>Depuis</source>
            <translation>Since</translation>
        </message>
        <message>
            <source>Dernière modification reçue</source>
            <translation>Newest change received</translation>
        </message>
        <message>
            <source>Lignes en retard</source>
            <translation>Rows behind</translation>
        </message>
        <message>
            <source>En attente d'approbation</source>
            <translation>Waiting for approval</translation>
        </message>
        <message>
            <source>Effacements non confirmés</source>
            <translation>Unconfirmed erasures</translation>
        </message>
        <message>
            <source>Fiche effacée</source>
            <translation>Erased record</translation>
        </message>
        <message>
            <source>Effacée le</source>
            <translation>Erased on</translation>
        </message>
        <message>
            <source>Pas encore confirmé par</source>
            <translation>Not yet confirmed by</translation>
        </message>
        <message>
            <source>confirmé partout</source>
            <translation>confirmed everywhere</translation>
        </message>
        <message>
            <source>Sites du territoire</source>
            <translation>Sites of the territory</translation>
        </message>
        <message>
            <source>Effacements (RGPD) et sites qui ne les ont pas encore confirmés</source>
            <translation>Erasures (GDPR) and the sites that have not confirmed them yet</translation>
        </message>
        <message>
            <source>Effacements</source>
            <translation>Erasures</translation>
        </message>
        <message>
            <source>Actualiser</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Imprimer en PDF…</source>
            <translation>Print as PDF…</translation>
        </message>
        <message>
            <source>Imprimer le tableau du territoire</source>
            <translation>Print the territory board</translation>
        </message>
        <message>
            <source>{0} site(s), dont {1} silencieux depuis plus de {2} jours ; {3} effacement(s) pas encore confirmé(s) partout.</source>
            <translation>{0} site(s), {1} of them silent for more than {2} days; {3} erasure(s) not yet confirmed everywhere.</translation>
        </message>
        <message>
            <source>Le tableau n'est pas encore calculé.</source>
            <translation>The board is not computed yet.</translation>
        </message>
        <message>
            <source>Impression impossible : {0}</source>
            <translation>Cannot print: {0}</translation>
        </message>
        <message>
            <source>Tableau imprimé : {0}</source>
            <translation>Board printed: {0}</translation>
        </message>
        <message>
            <source>Tableau du territoire</source>
            <translation>Territory board</translation>
        </message>
    </context>
    <context>
        <name>TerritoryBox</name>
        <message>
            <source>Fichiers d'inscription Ardoiz (*.ardoiz-enrol);;Tous les fichiers (*)</source>
            <translation>Ardoiz enrolment files (*.ardoiz-enrol);;All files (*)</translation>
        </message>
        <message>
            <source>Nom du territoire</source>
            <translation>Territory name</translation>
        </message>
        <message>
            <source>Phrase secrète</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Phrase secrète (à nouveau)</source>
            <translation>Passphrase (again)</translation>
        </message>
        <message>
            <source>Nom du territoire : ce champ est obligatoire.</source>
            <translation>Territory name: this field is required.</translation>
        </message>
        <message>
            <source>Tapez la phrase secrète.</source>
            <translation>Type the passphrase.</translation>
        </message>
        <message>
            <source>Les deux phrases secrètes ne sont pas identiques.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
        <message>
            <source>Territoire</source>
            <translation>Territory</translation>
        </message>
        <message>
            <source>Rejoindre un territoire…</source>
            <translation>Join a territory…</translation>
        </message>
        <message>
            <source>Créer le territoire…</source>
            <translation>Create the territory…</translation>
        </message>
        <message>
            <source>Inviter un site…</source>
            <translation>Invite a site…</translation>
        </message>
        <message>
            <source>Fichier d'inscription reçu</source>
            <translation>Enrolment file received</translation>
        </message>
        <message>
            <source>Enregistrer le fichier d'inscription</source>
            <translation>Save the enrolment file</translation>
        </message>
        <message>
            <source>Empreinte de la clé de ce poste : {0}</source>
            <translation>Key fingerprint of this computer: {0}</translation>
        </message>
        <message>
            <source>Fichier : {0}
Tapez la phrase secrète que la coordination vous a donnée par téléphone.</source>
            <translation>File: {0}
Type the passphrase the coordination gave you by phone.</translation>
        </message>
        <message>
            <source>Rejoindre un territoire</source>
            <translation>Join a territory</translation>
        </message>
        <message>
            <source>Ce poste deviendra la coordination du territoire : c'est lui qui inscrira les sites. Ne créez le territoire qu'une fois, sur un seul poste.</source>
            <translation>This computer will become the territory's coordination: it is the one that enrols the sites. Create the territory only once, on a single computer.</translation>
        </message>
        <message>
            <source>Créer le territoire</source>
            <translation>Create the territory</translation>
        </message>
        <message>
            <source>Fichier : {0}
Choisissez une phrase secrète d'au moins {1} caractères. Donnez-la au site par téléphone, jamais avec le fichier.</source>
            <translation>File: {0}
Choose a passphrase of at least {1} characters. Give it to the site by phone, never with the file.</translation>
        </message>
        <message>
            <source>Inviter un site</source>
            <translation>Invite a site</translation>
        </message>
        <message>
            <source>Impossible de lire le fichier « {0} ».</source>
            <translation>Could not read the file “{0}”.</translation>
        </message>
        <message>
            <source>Inscription en cours…</source>
            <translation>Enrolling…</translation>
        </message>
        <message>
            <source>Création…</source>
            <translation>Creating…</translation>
        </message>
        <message>
            <source>Impossible d'écrire le fichier « {0} ».</source>
            <translation>Could not write the file “{0}”.</translation>
        </message>
        <message>
            <source>Écriture du fichier d'inscription…</source>
            <translation>Writing the enrolment file…</translation>
        </message>
        <message>
            <source>Phrase secrète incorrecte (ou fichier d'inscription altéré) : rien n'a été modifié. Vérifiez-la avec la coordination et tapez-la à nouveau.</source>
            <translation>Wrong passphrase (or altered enrolment file): nothing was changed. Check it with the coordination and type it again.</translation>
        </message>
        <message>
            <source>Ce poste a rejoint le territoire « {0} ». Lisez l'empreinte de sa clé à la coordination par téléphone : elle la vérifie avant d'approuver vos paquets.</source>
            <translation>This computer has joined the territory “{0}”. Read its key fingerprint to the coordination by phone: they check it before approving your bundles.</translation>
        </message>
        <message>
            <source>Territoire « {0} » créé. Invitez maintenant chaque site.</source>
            <translation>Territory “{0}” created. Now invite each site.</translation>
        </message>
        <message>
            <source>Fichier d'inscription écrit : {0}. Envoyez-le au site ; donnez-lui la phrase secrète par téléphone.</source>
            <translation>Enrolment file written: {0}. Send it to the site; give them the passphrase by phone.</translation>
        </message>
        <message>
            <source>Ce poste n'appartient à aucun territoire. Un site le rejoint avec le fichier d'inscription et la phrase secrète reçus de la coordination ; la coordination crée le territoire, une seule fois.</source>
            <translation>This computer belongs to no territory. A site joins with the enrolment file and the passphrase received from the coordination; the coordination creates the territory, once.</translation>
        </message>
        <message>
            <source>Territoire « {0} » — ce poste : {1}</source>
            <translation>Territory “{0}” — this computer: {1}</translation>
        </message>
        <message>
            <source>coordination</source>
            <translation>coordination</translation>
        </message>
        <message>
            <source>site</source>
            <translation>site</translation>
        </message>
    </context>
    <context>
        <name>TerritoryPdf</name>
        <message>
            <source> — silencieux</source>
            <translation> — silent</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Dernier paquet</source>
            <translation>Last bundle</translation>
        </message>
        <message>
            <source>Dernière modification reçue</source>
            <translation>Newest change received</translation>
        </message>
        <message>
            <source>Lignes en retard</source>
            <translation>Rows behind</translation>
        </message>
        <message>
            <source>Effacements non confirmés</source>
            <translation>Unconfirmed erasures</translation>
        </message>
        <message>
            <source>Fiche effacée</source>
            <translation>Erased record</translation>
        </message>
        <message>
            <source>Effacée le</source>
            <translation>Erased on</translation>
        </message>
        <message>
            <source>Pas encore confirmé par</source>
            <translation>Not yet confirmed by</translation>
        </message>
        <message>
            <source>confirmé partout</source>
            <translation>confirmed everywhere</translation>
        </message>
        <message>
            <source>Tableau du territoire</source>
            <translation>Territory board</translation>
        </message>
        <message>
            <source>Paquets en attente</source>
            <translation>Bundles waiting</translation>
        </message>
        <message>
            <source>approuvé</source>
            <translation>approved</translation>
        </message>
        <message>
            <source>en attente d'approbation</source>
            <translation>waiting for approval</translation>
        </message>
        <message>
            <source>révoqué</source>
            <translation>revoked</translation>
        </message>
        <message>
            <source>Édité le {date} (UTC)</source>
            <translation>Printed on {date} (UTC)</translation>
        </message>
        <message>
            <source>Tableau du territoire « {0} »</source>
            <translation>Territory board "{0}"</translation>
        </message>
        <message>
            <source>Ce que chaque site détient, d'après le dernier vecteur de versions qu'il a envoyé. Un site est signalé silencieux après {0} jours sans paquet. Un effacement est confirmé par un site quand son vecteur montre qu'il le détient.</source>
            <translation>What each site holds, from the last version vector it sent. A site is flagged silent after {0} days without a bundle. An erasure is confirmed by a site when its vector shows it holds it.</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Sites</translation>
        </message>
        <message>
            <source>Statut</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Effacements (RGPD)</source>
            <translation>Erasures (GDPR)</translation>
        </message>
        <message>
            <source>Aucun effacement.</source>
            <translation>No erasure.</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <source>France Services (MSAP)</source>
            <translation>France Services (MSAP)</translation>
        </message>
        <message>
            <source>Agence postale</source>
            <translation>Postal agency</translation>
        </message>
        <message>
            <source>Coordination</source>
            <translation>Coordination</translation>
        </message>
        <message>
            <source>Atelier collectif</source>
            <translation>Group workshop</translation>
        </message>
        <message>
            <source>Accompagnement individuel</source>
            <translation>One-to-one support</translation>
        </message>
        <message>
            <source>Formation des agents</source>
            <translation>Agent training</translation>
        </message>
        <message>
            <source>Accompagnements individuels</source>
            <translation>One-to-one support sessions</translation>
        </message>
        <message>
            <source>Ateliers collectifs</source>
            <translation>Group workshops</translation>
        </message>
        <message>
            <source>Formations des agents</source>
            <translation>Agent training sessions</translation>
        </message>
        <message>
            <source>Prise en main</source>
            <translation>Hands-on (prise en main)</translation>
        </message>
        <message>
            <source>Animation</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <source>Formation</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Autre</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Aucune activité</source>
            <translation>No activity</translation>
        </message>
        <message>
            <source>Masculin</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>Féminin</source>
            <translation>Female</translation>
        </message>
        <message>
            <source>Non communiqué</source>
            <translation>Not disclosed</translation>
        </message>
        <message>
            <source>Retraité</source>
            <translation>Retired</translation>
        </message>
        <message>
            <source>Sans emploi</source>
            <translation>Unemployed</translation>
        </message>
        <message>
            <source>En emploi</source>
            <translation>Employed</translation>
        </message>
        <message>
            <source>Scolarisé</source>
            <translation>In education</translation>
        </message>
        <message>
            <source>Non communiqué ou hétérogène</source>
            <translation>Not given or mixed</translation>
        </message>
        <message>
            <source>Moins de 12 ans</source>
            <translation>Under 12</translation>
        </message>
        <message>
            <source>12 - 17 ans</source>
            <translation>12 - 17 years</translation>
        </message>
        <message>
            <source>18 - 24 ans</source>
            <translation>18 - 24 years</translation>
        </message>
        <message>
            <source>25 - 39 ans</source>
            <translation>25 - 39 years</translation>
        </message>
        <message>
            <source>40 - 59 ans</source>
            <translation>40 - 59 years</translation>
        </message>
        <message>
            <source>60 - 69 ans</source>
            <translation>60 - 69 years</translation>
        </message>
        <message>
            <source>70 ans et plus</source>
            <translation>70 and over</translation>
        </message>
        <message>
            <source>Pas de tablette</source>
            <translation>No tablet</translation>
        </message>
        <message>
            <source>Tablette personnelle</source>
            <translation>Own tablet</translation>
        </message>
        <message>
            <source>Tablette prêtée</source>
            <translation>Loaned tablet</translation>
        </message>
        <message>
            <source>Tablette commandée</source>
            <translation>Tablet ordered</translation>
        </message>
        <message>
            <source>Avec guidage</source>
            <translation>With guidance</translation>
        </message>
        <message>
            <source>Autonome avec guidage en cas de besoin</source>
            <translation>Independent with help when needed</translation>
        </message>
        <message>
            <source>Autonome</source>
            <translation>Autonomous</translation>
        </message>
        <message>
            <source>Non renseignée</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>Débutant</source>
            <translation>Beginner</translation>
        </message>
        <message>
            <source>Intermédiaire</source>
            <translation>Intermediate</translation>
        </message>
        <message>
            <source>Avancé</source>
            <translation>Advanced</translation>
        </message>
        <message>
            <source>Lieu d’activité</source>
            <translation>Place of activity</translation>
        </message>
        <message>
            <source>À domicile</source>
            <translation>At home</translation>
        </message>
        <message>
            <source>À distance</source>
            <translation>Remote</translation>
        </message>
        <message>
            <source>Autre lieu</source>
            <translation>Other place</translation>
        </message>
        <message>
            <source>Ordinateur</source>
            <translation>Computer</translation>
        </message>
        <message>
            <source>Téléphone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Tablette</source>
            <translation>Tablet</translation>
        </message>
        <message>
            <source>Pas de matériel</source>
            <translation>No equipment</translation>
        </message>
        <message>
            <source>Diagnostic numérique</source>
            <translation>Digital assessment</translation>
        </message>
        <message>
            <source>Prendre en main du matériel</source>
            <translation>Getting started with the device</translation>
        </message>
        <message>
            <source>Maintenance de matériel</source>
            <translation>Equipment maintenance</translation>
        </message>
        <message>
            <source>Gérer ses contenus numériques</source>
            <translation>Managing digital content</translation>
        </message>
        <message>
            <source>Navigation sur internet</source>
            <translation>Browsing the internet</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Bureautique</source>
            <translation>Office software</translation>
        </message>
        <message>
            <source>Réseaux sociaux communication</source>
            <translation>Social networks, communication</translation>
        </message>
        <message>
            <source>Santé</source>
            <translation>Health</translation>
        </message>
        <message>
            <source>Banque et achats en ligne</source>
            <translation>Online banking and shopping</translation>
        </message>
        <message>
            <source>Accompagner un professionnel</source>
            <translation>Supporting a professional</translation>
        </message>
        <message>
            <source>Insertion professionnelle</source>
            <translation>Employment</translation>
        </message>
        <message>
            <source>Prévention en sécurité numérique</source>
            <translation>Online safety</translation>
        </message>
        <message>
            <source>Parentalité</source>
            <translation>Parenting</translation>
        </message>
        <message>
            <source>Scolarité et numérique</source>
            <translation>Schooling and digital</translation>
        </message>
        <message>
            <source>Créer avec le numérique</source>
            <translation>Creating with digital tools</translation>
        </message>
        <message>
            <source>Culture numérique</source>
            <translation>Digital culture</translation>
        </message>
        <message>
            <source>Intelligence artificielle (IA)</source>
            <translation>Artificial intelligence (AI)</translation>
        </message>
        <message>
            <source>Aide aux démarches administratives</source>
            <translation>Help with administrative procedures</translation>
        </message>
        <message>
            <source>Papiers - Élections - Citoyenneté</source>
            <translation>Papers - Elections - Citizenship</translation>
        </message>
        <message>
            <source>Famille - Scolarité</source>
            <translation>Family - Schooling</translation>
        </message>
        <message>
            <source>Social - Santé</source>
            <translation>Social - Health</translation>
        </message>
        <message>
            <source>Travail - Formation - Entreprise</source>
            <translation>Work - Training - Business</translation>
        </message>
        <message>
            <source>Logement</source>
            <translation>Housing</translation>
        </message>
        <message>
            <source>Transports - Mobilité</source>
            <translation>Transport - Mobility</translation>
        </message>
        <message>
            <source>Argent - Impôts</source>
            <translation>Money - Taxes</translation>
        </message>
        <message>
            <source>Justice</source>
            <translation>Justice</translation>
        </message>
        <message>
            <source>Étrangers - Europe</source>
            <translation>Foreigners - Europe</translation>
        </message>
        <message>
            <source>Loisirs - Sports - Culture</source>
            <translation>Leisure - Sports - Culture</translation>
        </message>
        <message>
            <source>Associations</source>
            <translation>Associations</translation>
        </message>
        <message>
            <source>Administration (mairie, préfecture…)</source>
            <translation>Administration (town hall, prefecture…)</translation>
        </message>
        <message>
            <source>Autre structure de médiation numérique</source>
            <translation>Another digital inclusion organisation</translation>
        </message>
        <message>
            <source>Opérateur ou organisme en charge de la démarche administrative</source>
            <translation>Operator or body in charge of the procedure</translation>
        </message>
        <message>
            <source>Structure d’aide sociale (maison des solidarités, centre social…)</source>
            <translation>Social support organisation (solidarity centre, social centre…)</translation>
        </message>
        <message>
            <source>Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)</source>
            <translation>Employment organisation (France Travail, mission locale, chamber of commerce…)</translation>
        </message>
        <message>
            <source>Structure d’aide aux démarches administratives (France Services…)</source>
            <translation>Administrative help organisation (France Services…)</translation>
        </message>
        <message>
            <source>Oui</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Non</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Non renseigné</source>
            <translation>Not asked</translation>
        </message>
        <message>
            <source>Moins de 30 min</source>
            <translation>Under 30 min</translation>
        </message>
        <message>
            <source>30 min à 1 h</source>
            <translation>30 min to 1 h</translation>
        </message>
        <message>
            <source>1 h à 2 h</source>
            <translation>1 h to 2 h</translation>
        </message>
        <message>
            <source>2 h et plus</source>
            <translation>2 h and more</translation>
        </message>
    </context>
    <context>
        <name>WindowLock</name>
        <message>
            <source>Ce dossier de données est déjà ouvert dans une autre fenêtre d'Ardoiz Desk :
{0}

Une seule fenêtre à la fois peut l'utiliser (la ligne de commande reste possible). Afficher l'autre fenêtre ?</source>
            <translation>This data folder is already open in another Ardoiz Desk window:
{0}

Only one window at a time can use it (the command line still can). Show the other window?</translation>
        </message>
    </context>
</TS>
