import FluentKit

// Every model lists its properties itself. FluentKit's default finds them by reflection
// (`Mirror`) on every query, for every row and for every list of keys it builds; a profile of
// a signed-in page put that among the largest costs of a request. `FluentPropertiesTests`
// checks each list against what reflection finds, so a property added to a model and not here
// fails a test instead of silently not being stored.

extension AgreementVersionModel {
    var properties: [any AnyProperty] { [$id, $kind, $version, $body, $publishedAt] }
}

extension AuditEventModel {
    var properties: [any AnyProperty] {
        [
            $id, $occurredAt, $actorUserID, $actorRole, $patientID, $action, $objectType, $objectID, $outcome, $clientAddress, $userAgent,
            $detail, $sequence, $occurredMicros, $previousHash, $hash,
        ]
    }
}

extension AuditSealModel {
    var properties: [any AnyProperty] { [$id, $keyID, $mac] }
}

extension CaseEventModel {
    var properties: [any AnyProperty] {
        [$id, $occurredAt, $caseModel, $actorUserID, $actorName, $actorRole, $fromState, $toState, $reason]
    }
}

extension CaseInvitationModel {
    var properties: [any AnyProperty] { [$id, $createdAt, $caseModel, $tokenHash, $email, $expiresAt, $usedAt, $revokedAt] }
}

extension CaseMessageModel {
    var properties: [any AnyProperty] { [$id, $createdAt, $caseModel, $authorID, $authorName, $kind, $audience, $body] }
}

extension CaseModel {
    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $patient, $openedBy, $treatingPhysician, $assignedConsultantID, $reference, $state, $specialty,
            $question, $diagnosis, $treatments, $physicianName, $physicianEmail, $physicianNPI, $clinicalHistory, $clinicalQuestion,
            $materials, $recordsCompletedAt, $openedAtMicros, $recordsCompletedMicros,
        ]
    }
}

extension ConsentRecordModel {
    var properties: [any AnyProperty] {
        [
            $id, $patient, $signer, $agreementVersion, $termsVersion, $decision, $textSHA256, $shownLanguage, $translationSHA256,
            $typedName,
            $signerRole, $authority, $courtesyCopy, $signedAt, $clientAddress, $userAgent,
        ]
    }
}

extension AgreementTranslationModel {
    var properties: [any AnyProperty] { [$id, $version, $language, $body, $publishedAt] }
}

extension ConsultantProfileModel {
    var properties: [any AnyProperty] { [$id, $user, $specialty] }
}

extension ContactDetailsModel {
    var properties: [any AnyProperty] {
        [$id, $updatedAt, $user, $addressLine1, $addressLine2, $city, $region, $postalCode, $country, $phone, $preferredContactTime]
    }
}

extension CourtesyCopyOptOutModel {
    var properties: [any AnyProperty] { [$id, $recordedAt, $caseModel, $recordedBy, $recordedByName, $note] }
}

extension EmailTokenModel {
    var properties: [any AnyProperty] { [$id, $createdAt, $user, $purpose, $tokenHash, $expiresAt, $usedAt] }
}

extension FollowUpQuestionModel {
    var properties: [any AnyProperty] { [$id, $askedAt, $caseModel, $askedBy, $askedByName, $question, $answeredAt] }
}

extension OutboxMessageModel {
    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $recipient, $subject, $bodyText, $kind, $status, $attempts, $nextAttemptAt, $claimToken, $claimedUntil,
            $lastError, $sentAt,
        ]
    }
}

extension PatientAccessModel {
    var properties: [any AnyProperty] { [$id, $createdAt, $user, $patient, $relationship, $authority] }
}

extension PatientModel {
    var properties: [any AnyProperty] {
        [$id, $createdAt, $firstName, $lastName, $dateOfBirth, $sex, $country, $state, $preferredLanguage, $interpreterNeeded]
    }
}

extension PhysicianProfileModel {
    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $user, $verifiedBy, $npi, $licenceState, $licenceNumber, $specialty, $practiceName, $addressLine1,
            $addressLine2, $city, $state, $postalCode, $phone, $verification, $verifiedAt, $verificationNote,
        ]
    }
}

extension RateLimitCounter {
    var properties: [any AnyProperty] { [$id, $key, $windowStart, $count] }
}

extension RecordModel {
    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $caseModel, $uploadedBy, $removedBy, $fileName, $kind, $category, $recordDescription, $size, $sha256,
            $storageKey, $keyID, $status, $removedAt, $studyDate, $modality, $studyDescription, $patientMismatch, $entryCount,
        ]
    }
}

extension RecoveryCodeModel {
    var properties: [any AnyProperty] { [$id, $createdAt, $userID, $codeHash, $usedAt] }
}

extension ReportAddendumModel {
    var properties: [any AnyProperty] {
        [$id, $report, $questionID, $kind, $body, $signedByName, $signedAt, $contentSHA256, $language, $translator]
    }
}

extension ReportModel {
    var properties: [any AnyProperty] {
        [
            $id, $updatedAt, $caseModel, $consultantID, $version, $status, $recordsReviewed, $historySummary, $opinion, $recommendations,
            $answers, $patientSummary, $patientSummaryLanguage, $signedAt, $signedByName, $contentSHA256, $releasedAt, $courtesyCopy,
        ]
    }
}

extension SessionRecord {
    var properties: [any AnyProperty] { [$id, $createdAt, $userID, $data, $expiresAt] }
}

extension SettingModel {
    var properties: [any AnyProperty] { [$id, $updatedAt, $updatedBy, $key, $value] }
}

extension UserModel {
    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $email, $displayName, $roleName, $passwordHash, $emailVerifiedAt, $disabledAt, $passwordChangedAt,
            $sessionsValidFromMicros, $totpSecret, $totpLastStep, $twoFactorEnabledAt, $language,
        ]
    }
}
